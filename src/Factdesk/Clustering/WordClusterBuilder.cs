namespace Factdesk.Clustering;

/// <summary>How <see cref="WordClusterBuilder"/> clusters: vocabulary size, context words, vector size and cluster counts.</summary>
public sealed record WordClusterOptions(
    int Vocabulary = 50_000, int MinCount = 2, int ContextWords = 1_000, int Dimensions = 128,
    int FineClusters = 512, int CoarseClusters = 64, int Iterations = 15, int Seed = 2003);

/// <summary>
/// Distributional word clusters from unlabelled sentences: each frequent word is described by the words up to
/// two either side of it (the most frequent <see cref="WordClusterOptions.ContextWords"/> words at each of four
/// positions), weighted by positive pointwise mutual information, squeezed to a short dense vector by a seeded
/// random projection and clustered by spherical k-means; the fine centres are clustered again into coarse ones,
/// so the two granularities nest like prefixes of Brown clusters.
/// </summary>
public static class WordClusterBuilder
{
    private static readonly int[] Offsets = [-2, -1, 1, 2];

    public static WordClusters Build(IEnumerable<IReadOnlyList<string>> sentences, WordClusterOptions? options = null, string source = "")
    {
        var o = options ?? new WordClusterOptions();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<long>();
        var corpus = new List<int[]>();
        foreach (var sentence in sentences)
        {
            var row = new int[sentence.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var word = sentence[i].ToLowerInvariant();
                if (!ids.TryGetValue(word, out var id))
                {
                    ids[word] = id = ids.Count;
                    counts.Add(0);
                }
                counts[id]++;
                row[i] = id;
            }
            corpus.Add(row);
        }

        // Rank by frequency (ties by spelling, so the ranking does not depend on input order of equal counts).
        var words = ids.Keys.ToArray();
        var ranked = Enumerable.Range(0, words.Length)
            .OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var vocabulary = ranked.TakeWhile(i => counts[i] >= o.MinCount).Take(o.Vocabulary).ToArray();
        var rowOf = new int[words.Length];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < vocabulary.Length; r++) rowOf[vocabulary[r]] = r;
        var contextWords = Math.Min(o.ContextWords, vocabulary.Length);
        // Context index per position: a frequent word, or one slot for the sentence edge.
        var slots = contextWords + 1;
        var features = Offsets.Length * slots;

        var pairs = new Dictionary<long, float>();
        var wordTotals = new double[vocabulary.Length];
        var featureTotals = new double[features];
        foreach (var sentence in corpus)
            for (var i = 0; i < sentence.Length; i++)
            {
                var r = rowOf[sentence[i]];
                if (r < 0) continue;
                for (var p = 0; p < Offsets.Length; p++)
                {
                    var j = i + Offsets[p];
                    int slot;
                    if (j < 0 || j >= sentence.Length) slot = contextWords;
                    else if ((slot = rowOf[sentence[j]]) is < 0 || slot >= contextWords) continue;
                    var f = p * slots + slot;
                    var key = (long)r * features + f;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    wordTotals[r]++;
                    featureTotals[f]++;
                }
            }

        var vectors = Vectors(pairs, wordTotals, featureTotals, vocabulary.Length, features, o);
        var fine = new SphericalKMeans(o.FineClusters, o.Iterations, o.Seed).Fit(vectors, o.Dimensions, null, out var centres);
        var fineCount = centres.Length / o.Dimensions;
        var sizes = new float[fineCount];
        foreach (var c in fine) sizes[c]++;
        var coarse = new SphericalKMeans(o.CoarseClusters, o.Iterations * 2, o.Seed + 1).Fit(centres, o.Dimensions, sizes);

        var table = new Dictionary<ulong, ushort>(vocabulary.Length);
        for (var r = 0; r < vocabulary.Length; r++) table[WordClusters.Key(words[vocabulary[r]])] = (ushort)fine[r];
        return new WordClusters(table, coarse.Select(c => (ushort)c).ToArray(), Math.Min(o.CoarseClusters, fineCount), source, o.Seed);
    }

    // PPMI with the context distribution smoothed (counts to the power 0.75), which keeps rare contexts from
    // dominating, then a Gaussian random projection and unit length.
    private static float[] Vectors(Dictionary<long, float> pairs, double[] wordTotals, double[] featureTotals, int words, int features, WordClusterOptions o)
    {
        var smoothed = featureTotals.Select(c => Math.Pow(c, 0.75)).ToArray();
        var smoothedTotal = smoothed.Sum();
        var random = new Random(o.Seed);
        var projection = new float[features * o.Dimensions];
        for (var i = 0; i < projection.Length; i++) projection[i] = (float)Gaussian(random);

        var vectors = new float[words * o.Dimensions];
        foreach (var (key, count) in pairs)
        {
            var r = (int)(key / features);
            var f = (int)(key % features);
            var pmi = Math.Log(count * smoothedTotal / (wordTotals[r] * smoothed[f]));
            if (pmi <= 0) continue;
            var target = vectors.AsSpan(r * o.Dimensions, o.Dimensions);
            var source = projection.AsSpan(f * o.Dimensions, o.Dimensions);
            for (var d = 0; d < target.Length; d++) target[d] += (float)pmi * source[d];
        }
        for (var r = 0; r < words; r++)
        {
            var v = vectors.AsSpan(r * o.Dimensions, o.Dimensions);
            var norm = MathF.Sqrt(SphericalKMeans.Dot(v, v));
            if (norm > 0)
                for (var d = 0; d < v.Length; d++) v[d] /= norm;
        }
        return vectors;
    }

    private static double Gaussian(Random random)
    {
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
