using System.Numerics;

namespace Factdesk.Clustering;

/// <summary>
/// k-means on unit-length vectors with cosine similarity (Lloyd iterations, centroids renormalised), seeded
/// from <paramref name="seed"/> so that the same input always gives the same clusters. Points may carry weights.
/// </summary>
public sealed class SphericalKMeans(int clusters, int iterations = 15, int seed = 1)
{
    /// <summary>The cluster of each row of <paramref name="points"/> (rows of <paramref name="dims"/> floats, unit length).</summary>
    public int[] Fit(float[] points, int dims, float[]? weights = null) => Fit(points, dims, weights, out _);

    public int[] Fit(float[] points, int dims, float[]? weights, out float[] centroids)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dims, 1);
        var n = points.Length / dims;
        var k = Math.Min(clusters, n);
        centroids = new float[k * dims];
        var assignment = new int[n];
        if (n == 0) return assignment;

        // Initial centres: k distinct points in a seeded random order.
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        for (var c = 0; c < k; c++) points.AsSpan(order[c] * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));

        var sums = new double[k * dims];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var current = centroids;
            var moved = 0;
            Parallel.For(0, n, () => 0, (i, _, changed) =>
            {
                var best = Nearest(points.AsSpan(i * dims, dims), current, k, dims);
                if (best != assignment[i]) changed++;
                assignment[i] = best;
                return changed;
            }, changed => Interlocked.Add(ref moved, changed));
            if (iteration > 0 && moved == 0) break;

            Array.Clear(sums);
            for (var i = 0; i < n; i++)
            {
                var w = weights?[i] ?? 1f;
                var row = points.AsSpan(i * dims, dims);
                var sum = sums.AsSpan(assignment[i] * dims, dims);
                for (var d = 0; d < dims; d++) sum[d] += w * row[d];
            }
            for (var c = 0; c < k; c++)
            {
                var sum = sums.AsSpan(c * dims, dims);
                var norm = 0.0;
                foreach (var v in sum) norm += v * v;
                // An empty cluster keeps its old centre, so ids stay stable and no point is lost.
                if (norm == 0) continue;
                norm = Math.Sqrt(norm);
                var centre = centroids.AsSpan(c * dims, dims);
                for (var d = 0; d < dims; d++) centre[d] = (float)(sum[d] / norm);
            }
        }
        return assignment;
    }

    private static int Nearest(ReadOnlySpan<float> point, float[] centroids, int k, int dims)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < k; c++)
        {
            var score = Dot(point, centroids.AsSpan(c * dims, dims));
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
