using Factdesk.Clustering;

namespace Factdesk.Tests.Clustering;

public sealed class WordClustersTests
{
    // Cities only ever follow "in", people only ever come before "said": their contexts alone tell them apart.
    private static readonly Lazy<WordClusters> Toy = new(() => WordClusterBuilder.Build(
        new[] { "Paris", "Berlin", "Rome", "Oslo" }.Select(c => (IReadOnlyList<string>)["we", "met", "in", c, "today", "."])
            .Concat(new[] { "John", "Mary", "Anna", "Karl" }.Select(p => (IReadOnlyList<string>)["yesterday", p, "said", "no", "."]))
            .ToList(),
        new WordClusterOptions(MinCount: 1, ContextWords: 50, Dimensions: 32, FineClusters: 4, CoarseClusters: 2), "toy sentences"));

    private static int Fine(string word)
    {
        Assert.True(Toy.Value.TryGet(word, out var fine, out _), word);
        return fine;
    }

    [Fact]
    public void Words_used_alike_share_a_cluster_and_words_used_differently_do_not()
    {
        Assert.Equal(Fine("paris"), Fine("berlin"));
        Assert.Equal(Fine("rome"), Fine("oslo"));
        Assert.Equal(Fine("john"), Fine("karl"));
        Assert.NotEqual(Fine("paris"), Fine("john"));
    }

    [Fact]
    public void Lookup_ignores_case_and_misses_unseen_words()
    {
        Assert.True(Toy.Value.TryGet("PARIS", out var upper, out _));
        Assert.Equal(Fine("Paris"), upper);
        Assert.False(Toy.Value.TryGet("Madrid", out var fine, out var coarse));
        Assert.Equal((-1, -1), (fine, coarse));
    }

    [Fact]
    public void Coarse_clusters_group_fine_ones()
    {
        Assert.Equal(4, Toy.Value.FineCount);
        Assert.Equal(2, Toy.Value.CoarseCount);
        Toy.Value.TryGet("paris", out _, out var parisCoarse);
        Toy.Value.TryGet("berlin", out _, out var berlinCoarse);
        Assert.Equal(parisCoarse, berlinCoarse);
        Assert.InRange(parisCoarse, 0, 1);
    }

    [Fact]
    public void A_saved_table_loads_with_the_same_clusters()
    {
        using var stream = new MemoryStream();
        Toy.Value.Save(stream);
        stream.Position = 0;
        var loaded = WordClusters.Load(stream);

        Assert.Equal(Toy.Value.Words, loaded.Words);
        Assert.Equal("toy sentences", loaded.Source);
        foreach (var word in new[] { "paris", "john", "said", "." })
        {
            Toy.Value.TryGet(word, out var fine, out var coarse);
            Assert.True(loaded.TryGet(word, out var loadedFine, out var loadedCoarse));
            Assert.Equal((fine, coarse), (loadedFine, loadedCoarse));
        }
    }

    [Fact]
    public void A_stream_that_is_not_a_table_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new BinaryWriter(zip))
            writer.Write("something else");
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => WordClusters.Load(stream));
    }
}
