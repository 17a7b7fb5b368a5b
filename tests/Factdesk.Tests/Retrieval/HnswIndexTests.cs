using System.Numerics.Tensors;
using Factdesk.Retrieval;

namespace Factdesk.Tests.Retrieval;

public sealed class HnswIndexTests
{
    private const int Dimensions = 48;

    // Clustered like sentence embeddings (many near each other around a few topics), which is harder for a graph
    // than uniform noise: a search has to leave one cluster to reach the others.
    private static float[][] Vectors(int count, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 20).Select(_ => Unit(random, null, 0)).ToArray();
        return Enumerable.Range(0, count).Select(_ => Unit(random, centres[random.Next(centres.Length)], 0.6f)).ToArray();
    }

    private static float[] Unit(Random random, float[]? centre, float spread)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
            v[i] = (centre?[i] ?? 0) + (centre is null ? 1 : spread) * (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static long[] Exact(float[][] vectors, float[] query, int k) =>
        Enumerable.Range(0, vectors.Length).OrderByDescending(i => TensorPrimitives.Dot(query, vectors[i])).Take(k).Select(i => (long)i).ToArray();

    private static HnswIndex Build(float[][] vectors)
    {
        var index = new HnswIndex(Dimensions, m: 8, efConstruction: 64, capacity: 16);
        for (var i = 0; i < vectors.Length; i++) index.Add(i, vectors[i]);
        return index;
    }

    [Fact]
    public void Finds_nearly_all_of_the_exact_ten_nearest()
    {
        var vectors = Vectors(3000, 1);
        var index = Build(vectors);
        var queries = Vectors(50, 2);
        // A beam of 150 visits a small part of the 3,000; int8 rounding alone costs about 0.01 on these noisy vectors.
        var found = queries.Sum(q => index.Search(q, 10, 150).Select(h => h.Label).Intersect(Exact(vectors, q, 10)).Count());
        Assert.True(found / 500.0 >= 0.95, $"recall@10 {found / 500.0}");
        Assert.Equal(3000, index.Count);
        Assert.Equal(3000, index.LabelCount);
    }

    [Fact]
    public void Vectors_linked_on_several_threads_are_found_as_well()
    {
        var vectors = Vectors(3000, 1);
        var index = new HnswIndex(Dimensions, m: 8, efConstruction: 64, capacity: 16);
        index.AddRange(vectors[..1500].Select((v, i) => ((long)i, v)).ToList(), threads: 2);
        index.AddRange(vectors[1500..].Select((v, i) => (1500L + i, v)).ToList(), threads: 3);
        Assert.Equal((3000, 3000, 2999L), (index.Count, index.LabelCount, index.LastLabel));
        var queries = Vectors(50, 2);
        var found = queries.Sum(q => index.Search(q, 10, 150).Select(h => h.Label).Intersect(Exact(vectors, q, 10)).Count());
        Assert.True(found / 500.0 >= 0.95, $"recall@10 {found / 500.0}");
        Assert.Throws<ArgumentException>(() => index.AddRange([(5L, vectors[0])], threads: 2));
    }

    // Like the generated benchmark stores: many near-copies around each of a few centres (0.8 × a centre + 0.2 × another
    // + noise, cosine about 0.8 to the centre and 0.6 between copies), far more copies per centre than a node has links.
    private static float[][] Stars(int centres, int copies, int seed, out float[][] centreVectors)
    {
        var random = new Random(seed);
        var found = centreVectors = Enumerable.Range(0, centres).Select(_ => Unit(random, null, 0)).ToArray();
        var noise = 0.57f / MathF.Sqrt(Dimensions);
        var vectors = new List<float[]>(found);
        for (var c = 0; c < centres; c++)
            for (var i = 0; i < copies; i++)
            {
                var other = found[random.Next(centres)];
                var v = new float[Dimensions];
                for (var d = 0; d < Dimensions; d++) v[d] = 0.8f * found[c][d] + 0.2f * other[d] + noise * Gaussian(random);
                TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
                vectors.Add(v);
            }
        return vectors.ToArray();
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    [Fact]
    public void Every_copy_around_a_crowded_centre_stays_reachable_and_is_found()
    {
        // 150 copies per centre against 16 links on layer 0: with the heuristic alone a copy links into its group only
        // through its centre, which keeps back links to 16 copies at most, so the others could not be reached.
        var vectors = Stars(20, 150, 10, out var centres);
        // One thread, so that the graph is the same every run (a parallel build's races cut off a few more).
        var index = new HnswIndex(Dimensions, m: 8, efConstruction: 64, capacity: 16);
        index.AddRange(vectors.Select((v, i) => ((long)i, v)).ToList(), threads: 1);
        // A few stragglers may still be cut off (an outlying copy nobody keeps); before, most copies were.
        Assert.True(index.ReachableCount() >= 0.98 * vectors.Length, $"{index.ReachableCount()} of {vectors.Length} reachable");
        var random = new Random(11);
        var queries = centres.Select(c =>
        {
            var q = c.Select(x => 0.7f * x + 0.1f * Gaussian(random)).ToArray();
            TensorPrimitives.Divide(q, TensorPrimitives.Norm(q), q);
            return q;
        }).ToArray();
        var found = queries.Sum(q => index.Search(q, 10, 100).Select(h => h.Label).Intersect(Exact(vectors, q, 10)).Count());
        Assert.True(found / (10.0 * queries.Length) >= 0.95, $"recall@10 {found / (10.0 * queries.Length)}");
    }

    [Fact]
    public void A_lone_neighbour_in_another_direction_keeps_its_link_beside_a_crowd_of_nearer_ones()
    {
        var random = new Random(12);
        var basis = new float[Dimensions];
        basis[0] = 1;
        var index = new HnswIndex(Dimensions, m: 4, efConstruction: 32);
        index.Add(0, basis);
        // Twenty near-copies on one side of the base node (cosine about 0.96), nearer to each other than to it.
        for (var i = 1; i <= 20; i++)
        {
            var v = new float[Dimensions];
            v[0] = 1;
            v[1] = 0.3f;
            for (var d = 2; d < Dimensions; d++) v[d] = 0.02f * Gaussian(random);
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            index.Add(i, v);
        }
        // One farther away (cosine 0.89) on the other side: nearest-only selection would drop it for the crowd.
        var lone = new float[Dimensions];
        (lone[0], lone[1]) = (1, -0.5f);
        TensorPrimitives.Divide(lone, TensorPrimitives.Norm(lone), lone);
        index.Add(21, lone);
        var links = index.Neighbours(0, 0);
        // 2M = 8 places: filled to 6, and back links may have added to that since.
        Assert.InRange(links.Length, 6, 8);
        Assert.Contains(21, links);
    }

    [Fact]
    public void Hits_come_nearest_first_with_about_the_true_cosine()
    {
        var vectors = Vectors(500, 3);
        var hits = Build(vectors).Search(vectors[42], 5, 32);
        Assert.Equal(42, hits[0].Label);
        Assert.Equal(1.0, hits[0].Similarity, 0.01);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
        foreach (var (label, similarity) in hits)
            Assert.Equal(TensorPrimitives.Dot(vectors[42], vectors[label]), similarity, 0.02);
    }

    [Fact]
    public void A_label_with_two_vectors_is_returned_once_with_the_nearer()
    {
        var vectors = Vectors(200, 4);
        var index = new HnswIndex(Dimensions, m: 8);
        for (var i = 0; i < 100; i++)
        {
            index.Add(i, vectors[2 * i]);
            index.Add(i, vectors[2 * i + 1]);
        }
        Assert.Equal(200, index.Count);
        Assert.Equal(100, index.LabelCount);
        Assert.Equal(99, index.LastLabel);
        var hits = index.Search(vectors[31], 10, 64);
        Assert.Equal(hits.Count, hits.Select(h => h.Label).Distinct().Count());
        Assert.Equal(15, hits[0].Label);
        Assert.Equal(1.0, hits[0].Similarity, 0.01);
    }

    [Fact]
    public void An_empty_index_finds_nothing_and_one_vector_finds_itself()
    {
        var index = new HnswIndex(Dimensions);
        var query = Vectors(1, 5)[0];
        Assert.Empty(index.Search(query, 10, 50));
        Assert.Equal(0, index.LastLabel);
        index.Add(7, query);
        Assert.Equal(7, Assert.Single(index.Search(query, 10, 50)).Label);
        Assert.Empty(index.Search(query, 0, 50));
        Assert.Throws<ArgumentException>(() => index.Add(8, new float[Dimensions + 1]));
    }

    [Fact]
    public void A_saved_index_loads_with_the_same_answers_and_keeps_growing()
    {
        var vectors = Vectors(1200, 6);
        var index = Build(vectors[..1000]);
        using var file = new MemoryStream();
        index.Save(file);
        file.Position = 0;
        var loaded = HnswIndex.Load(file);
        Assert.Equal((index.Count, index.LabelCount, index.LastLabel), (loaded.Count, loaded.LabelCount, loaded.LastLabel));
        foreach (var query in Vectors(20, 7))
            Assert.Equal(index.Search(query, 10, 40), loaded.Search(query, 10, 40));
        for (var i = 1000; i < 1200; i++) loaded.Add(i, vectors[i]);
        Assert.Equal(1100, loaded.Search(vectors[1100], 1, 40)[0].Label);
    }

    [Fact]
    public void A_file_that_is_not_an_index_or_is_cut_short_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => HnswIndex.Load(new MemoryStream("not an index at all"u8.ToArray())));
        using var file = new MemoryStream();
        Build(Vectors(100, 8)).Save(file);
        Assert.Throws<InvalidDataException>(() => HnswIndex.Load(new MemoryStream(file.ToArray()[..(int)(file.Length / 2)])));
    }

    [Fact]
    public void Int8_codes_keep_the_cosine_and_the_dot_product_is_exact()
    {
        var random = new Random(9);
        foreach (var length in (int[])[1, 31, 32, 33, 384])
        {
            var a = new float[length];
            var b = new float[length];
            for (var i = 0; i < length; i++) (a[i], b[i]) = ((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f);
            var (ca, cb) = (new sbyte[length], new sbyte[length]);
            var (sa, sb) = (Int8Vectors.Quantize(a, ca), Int8Vectors.Quantize(b, cb));
            Assert.Equal(ca.Zip(cb).Sum(p => p.First * p.Second), Int8Vectors.Dot(ca, cb));
            if (length == 384) Assert.Equal(TensorPrimitives.Dot(a, b), Int8Vectors.Dot(ca, cb) * sa * sb, 0.02);
        }
        var zero = new sbyte[4];
        Assert.Equal(0, Int8Vectors.Quantize(new float[4], zero));
    }
}
