using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Factdesk.Retrieval;

/// <summary>
/// Vectors kept as one signed byte per dimension and one scale per vector (symmetric, scale = largest magnitude / 127):
/// a quarter of the memory of float32, which is what lets a million fact-checks' claim and title vectors fit in RAM.
/// Rounding moves the cosine of MiniLM vectors by about 0.001; the candidates are re-scored with the stored float32
/// vectors anyway, so the error only decides which candidates are found.
/// </summary>
public static class Int8Vectors
{
    /// <summary>Writes the codes of <paramref name="vector"/> into <paramref name="codes"/> and returns its scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var largest = TensorPrimitives.MaxMagnitude(vector);
        if (largest == 0 || !float.IsFinite(largest))
        {
            codes.Clear();
            return 0;
        }
        var scale = largest / 127f;
        for (var i = 0; i < vector.Length; i++)
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127f, 127f);
        return scale;
    }

    /// <summary>The integer dot product of two code vectors of the same length.</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (AvxVnni.IsSupported && a.Length >= Vector256<sbyte>.Count)
        {
            // vpdpbusd multiplies unsigned by signed bytes and adds groups of four into 32 bits in one instruction:
            // |a| is unsigned, and b takes a's sign instead (codes stop at ±127, so neither overflows).
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var va = Vector256.LoadUnsafe(ref ra, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref rb, (nuint)i);
                acc = AvxVnni.MultiplyWideningAndAdd(acc, Avx2.Abs(va), Avx2.Sign(vb, va));
            }
            sum = Vector256.Sum(acc);
        }
        else if (Avx2.IsSupported && a.Length >= Vector256<sbyte>.Count)
        {
            // Widening to 16 bits first keeps every product exact; vpmaddwd then adds neighbouring pairs into 32 bits.
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref rb, (nuint)i));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aLow, bLow));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aHigh, bHigh));
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
