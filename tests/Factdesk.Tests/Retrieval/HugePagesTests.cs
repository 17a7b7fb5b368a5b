using System.Globalization;
using System.Runtime.InteropServices;
using Factdesk.Retrieval;

namespace Factdesk.Tests.Retrieval;

public sealed class HugePagesTests
{
    [Fact]
    public void A_large_array_is_backed_by_huge_pages_where_the_kernel_offers_them_and_keeps_its_contents_when_resized()
    {
        var array = HugePages.Array<int>(24L << 20);
        for (var i = 0; i < array.Length; i++) array[i] = i;
        if (TransparentHugePagesOffered())
            Assert.True(HugePagesBacking(Marshal.UnsafeAddrOfPinnedArrayElement(array, array.Length / 2)) >= 2 << 20,
                "the array's mapping should hold at least one 2 MB page");
        var larger = HugePages.Resize(array, 25L << 20, array.Length);
        Assert.Equal(25 << 20, larger.Length);
        Assert.Equal(array.Length - 1, larger[array.Length - 1]);
        Assert.Equal(12345, larger[12345]);
    }

    [Fact]
    public void A_small_array_is_an_ordinary_zeroed_one()
    {
        var array = HugePages.Array<sbyte>(1000);
        Assert.Equal(1000, array.Length);
        Assert.All(array, b => Assert.Equal(0, b));
    }

    // "always" or "madvise" (Debian's default) are offered; "never", or no such file on other systems, is not.
    private static bool TransparentHugePagesOffered()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(setting) && !File.ReadAllText(setting).Contains("[never]", StringComparison.Ordinal);
    }

    // The AnonHugePages of the mapping in /proc/self/smaps that holds the address, in bytes (the advice splits the
    // mapping at 2 MB boundaries, so the address asked about is one well inside the array).
    private static long HugePagesBacking(nint address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(line[(dash + 1)..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = from <= address && address < to;
                continue;
            }
            if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
