using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Factdesk.Retrieval;

/// <summary>
/// Large arrays that a search reads at random, backed by 2 MB pages where Linux allows it (transparent huge pages in
/// "madvise" mode, Debian's default). With 4 KB pages nearly every vector an HNSW search touches in a 1 GB index
/// is also a miss in the processor's page-table cache; with 2 MB pages the whole index needs a few hundred entries.
/// On the 1M store: the graph opens in about 3 s instead of 4.5, the first searches after opening take a p50 of 2 ms
/// instead of 5–7, warm ones 1.4–1.5 ms instead of 1.9–2.0 (docs/BENCHMARKS.md, "Goals of the issue").
/// Elsewhere, or when the kernel refuses, they are ordinary arrays.
/// </summary>
internal static class HugePages
{
    private const int MadviseHugePage = 14;
    private const long PageBytes = 2 << 20;

    // Below this the page-table cache holds the array anyway; tests and small stores keep ordinary arrays.
    private const long SmallestBytes = 16 * PageBytes;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// An array of <paramref name="count"/> elements whose contents are undefined until written (zeroing it would
    /// fault its pages in as small ones before the kernel is told otherwise).
    /// </summary>
    public static T[] Array<T>(long count) where T : unmanaged
    {
        var bytes = count * Unsafe.SizeOf<T>();
        if (_unavailable || bytes < SmallestBytes) return new T[count];
        // Pinned: the advice is given for an address range, and the collector must never move the array out of it.
        var array = GC.AllocateUninitializedArray<T>(checked((int)count), pinned: true);
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var from = (start + PageBytes - 1) & ~(PageBytes - 1);
        var to = (start + bytes) & ~(PageBytes - 1);
        try
        {
            if (to > from) _ = Advise((nint)from, (nuint)(to - from), MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise: ordinary pages, as on other systems.
            _unavailable = true;
        }
        return array;
    }

    /// <summary>A larger array holding the first <paramref name="keep"/> elements of <paramref name="array"/>.</summary>
    public static T[] Resize<T>(T[] array, long count, long keep) where T : unmanaged
    {
        var larger = Array<T>(count);
        array.AsSpan(0, checked((int)keep)).CopyTo(larger);
        return larger;
    }

    // DllImport rather than LibraryImport, which would need the whole project compiled as unsafe for one blittable call.
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Advise(nint address, nuint length, int advice);
}
