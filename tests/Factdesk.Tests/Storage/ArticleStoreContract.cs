using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>
/// What every <see cref="IArticleStore"/> must do. Each implementation's test class derives from this one and
/// says how to open a fresh store, so SQLite and PostgreSQL pass the same tests.
/// </summary>
public abstract class ArticleStoreContract : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    /// <summary>Opens the store kept under <paramref name="name"/>; opening the same name again reopens it.</summary>
    protected abstract IArticleStore Open(string name = "store");

    public virtual void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static ArticleRecord Record(string text, string hash, ulong simhash = 0x0123_4567_89AB_CDEF, string? canonical = null, long? copyOf = null) =>
        new(text, hash, simhash, $$"""{"text":"{{text}}"}""",
            Url: canonical == null ? null : canonical + "?utm_source=feed",
            CanonicalUrl: canonical,
            Path: "/news/one.html",
            Title: "A title",
            Site: "The Example Gazette",
            Published: new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(2)),
            Language: "en",
            Authors: ["Ada Writer", "Bo Reporter"],
            DuplicateOf: copyOf);

    [Fact]
    public void A_stored_article_comes_back_with_every_field_and_its_dossier()
    {
        using var store = Open();
        var record = Record("Some text.", "hash-1", simhash: ulong.MaxValue, canonical: "https://example.org/a");
        var result = store.Add(record);
        Assert.True(result.Added);
        var stored = store.Get(result.Id)!;
        Assert.Equal(record with { Authors = null }, stored.Article with { Authors = null });
        Assert.Equal(record.Authors, stored.Article.Authors);
        Assert.Equal(record.Published, stored.Article.Published);
        Assert.True(DateTimeOffset.UtcNow - stored.IngestedAt < TimeSpan.FromMinutes(5));
        Assert.Null(store.Get(result.Id + 1000));
    }

    [Fact]
    public void The_same_text_is_stored_once()
    {
        using var store = Open();
        var first = store.Add(Record("Same words.", "hash-same"));
        var second = store.Add(Record("Same words.", "hash-same") with { Path = "/elsewhere.html" });
        Assert.False(second.Added);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, store.Count());
        Assert.Equal(first.Id, store.FindExisting(null, "hash-same"));
    }

    [Fact]
    public void The_same_canonical_url_is_stored_once_even_when_the_text_changed()
    {
        using var store = Open();
        var first = store.Add(Record("First version.", "hash-a", canonical: "https://example.org/story"));
        var second = store.Add(Record("Edited version.", "hash-b", canonical: "https://example.org/story"));
        Assert.False(second.Added);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Id, store.FindExisting("https://example.org/story", "hash-other"));
        Assert.Null(store.FindExisting("https://example.org/other", "hash-other"));
    }

    [Fact]
    public void Articles_without_a_url_do_not_collide()
    {
        using var store = Open();
        Assert.True(store.Add(Record("One.", "hash-1")).Added);
        Assert.True(store.Add(Record("Two.", "hash-2")).Added);
        Assert.Equal(2, store.Count());
    }

    [Fact]
    public void Copies_link_to_their_original_and_are_not_candidates_themselves()
    {
        using var store = Open();
        var original = store.Add(Record("Wire story.", "hash-o", simhash: 7)).Id;
        var copy = store.Add(Record("Wire story, reprinted.", "hash-c", simhash: 5, copyOf: original)).Id;
        Assert.Equal(original, store.Get(copy)!.Article.DuplicateOf);
        Assert.Equal([(original, 7UL)], store.Originals());
        var stored = Assert.Single(store.AllOriginals());
        Assert.Equal((original, "Wire story."), (stored.Id, stored.Article.Text));
    }

    [Fact]
    public void An_article_whose_dossier_cannot_be_stored_leaves_nothing_behind()
    {
        using var store = Open();
        // A missing dossier fails after the article row is written: the whole article must be rolled back.
        Assert.ThrowsAny<Exception>(() => store.Add(Record("Half.", "hash-half") with { DossierJson = null! }));
        Assert.Equal(0, store.Count());
        Assert.Null(store.FindExisting(null, "hash-half"));
        Assert.True(store.Add(Record("Half.", "hash-half")).Added);
    }

    [Fact]
    public void What_is_stored_is_there_after_reopening()
    {
        long id;
        using (var store = Open("kept"))
            id = store.Add(Record("Kept.", "hash-kept")).Id;
        using var reopened = Open("kept");
        Assert.Equal("Kept.", reopened.Get(id)!.Article.Text);
        Assert.False(reopened.Add(Record("Kept.", "hash-kept")).Added);
    }

    [Fact]
    public void Writers_racing_each_other_store_each_article_once()
    {
        // Every writer has its own connection and adds the same articles in its own order, as ingest runs would.
        using (Open("race")) { }
        const int articles = 12, writers = 4;
        var results = new AddResult[writers][];
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            using var store = Open("race");
            results[w] = Enumerable.Range(0, articles).Select(i => (i * 5 + w * 7) % articles)
                .Select(i => store.Add(Record($"Story {i}.", $"hash-{i}", canonical: $"https://example.org/{i}"))).ToArray();
        });
        using var check = Open("race");
        Assert.Equal(articles, check.Count());
        Assert.Equal(articles, results.Sum(r => r.Count(a => a.Added)));
        // Whoever lost a race was told the id the winner stored.
        var ids = Enumerable.Range(0, articles).ToDictionary(i => i, i => check.FindExisting(null, $"hash-{i}")!.Value);
        foreach (var r in results)
            Assert.Equal(ids.Values.Order(), r.Select(a => a.Id).Order());
    }
}
