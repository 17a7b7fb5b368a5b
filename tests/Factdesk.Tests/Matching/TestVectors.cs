using System.Numerics.Tensors;
using Factdesk.Matching;

namespace Factdesk.Tests.Matching;

internal static class TestVectors
{
    /// <summary>A unit vector of the encoder's size pointing along (a, b, 0, ...).</summary>
    public static float[] Unit(float a, float b)
    {
        var v = new float[SentenceEncoder.Dimensions];
        v[0] = a;
        v[1] = b;
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
