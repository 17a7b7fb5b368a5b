using Factdesk.Matching;
using Factdesk.Retrieval;

namespace Factdesk.Tests.Retrieval;

public sealed class Bm25PostingsTests
{
    // Words drawn with Zipf-like frequencies, as in text: a few in most documents, most in very few.
    private static string[] Documents(int count, int seed)
    {
        var random = new Random(seed);
        string Word() => "w" + (int)Math.Floor(Math.Pow(2000, random.NextDouble()));
        return Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 5 + random.Next(30)).Select(_ => Word()))).ToArray();
    }

    private static Bm25Postings Build(string[] documents)
    {
        var index = new Bm25Postings();
        for (var d = 0; d < documents.Length; d++) index.Add(d + 1, SearchTerms.Of(documents[d]));
        return index;
    }

    [Fact]
    public void The_pruned_top_list_equals_scoring_every_document()
    {
        var documents = Documents(4000, 1);
        var full = new Bm25Index(documents);
        var pruned = Build(documents);
        foreach (var query in Documents(60, 2))
        {
            var expected = full.Search(query, 20);
            var found = pruned.Search(SearchTerms.Of(query).Distinct().ToList(), 20);
            Assert.Equal(expected.Count, found.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.Equal(expected[i].Score, found[i].Score, 9);
            // Equal scores may come in either order; the set of documents above the last score is the same.
            var last = expected[^1].Score;
            Assert.Equal(expected.Where(e => e.Score > last + 1e-9).Select(e => e.Doc + 1L).Order(),
                found.Where(f => f.Score > last + 1e-9).Select(f => f.Label).Order());
        }
    }

    [Fact]
    public void A_saved_index_loads_with_the_same_answers_and_keeps_growing()
    {
        var documents = Documents(600, 3);
        var index = Build(documents[..500]);
        using var file = new MemoryStream();
        index.Save(file);
        file.Position = 0;
        var loaded = Bm25Postings.Load(file);
        Assert.Equal((500, 500L), (loaded.Count, loaded.LastLabel));
        foreach (var query in Documents(10, 4).Select(q => SearchTerms.Of(q).Distinct().ToList()))
            Assert.Equal(index.Search(query, 10), loaded.Search(query, 10));
        for (var d = 500; d < 600; d++) loaded.Add(d + 1, SearchTerms.Of(documents[d]));
        Assert.Equal(Build(documents).Search(SearchTerms.Of(documents[550]), 5), loaded.Search(SearchTerms.Of(documents[550]).Distinct().ToList(), 5));
        Assert.Throws<InvalidDataException>(() => Bm25Postings.Load(new MemoryStream(file.ToArray()[..(int)(file.Length - 10)])));
        Assert.Throws<InvalidDataException>(() => Bm25Postings.Load(new MemoryStream("FDHNSW01 and more"u8.ToArray())));
    }

    [Fact]
    public void Empty_indexes_and_unknown_terms_find_nothing_and_labels_must_rise()
    {
        var index = new Bm25Postings();
        Assert.Empty(index.Search(["bridge"], 10));
        index.Add(5, ["bridge", "closed", "bridge"]);
        Assert.Empty(index.Search(["tunnel"], 10));
        Assert.Empty(index.Search(["bridge"], 0));
        Assert.Equal(5, Assert.Single(index.Search(["bridge", "tunnel"], 10)).Label);
        Assert.Throws<ArgumentException>(() => index.Add(5, ["again"]));
    }
}
