using System.Text.Json;
using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Storage;
using Factdesk.Tests.Duplicates;

namespace Factdesk.Tests.Ingestion.Batch;

public sealed class ArticleIngesterTests : IDisposable
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault().Build();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private List<IngestOutcome> Ingest(params string[] paths)
    {
        using var store = SqliteArticleStore.Open(_temp.File("test.db"));
        var ingester = new ArticleIngester(store, Pipeline);
        return [.. InputSources.Expand(paths, () => Stream.Null).Select(ingester.Ingest)];
    }

    [Fact]
    public void Every_article_is_stored_with_its_dossier_and_a_second_run_stores_nothing()
    {
        var feed = InputSourcesTests.Fixture("tiny.rss");
        var lines = InputSourcesTests.Fixture("articles.jsonl");
        var first = Ingest(feed, lines);
        Assert.Equal(
            [IngestStatus.Stored, IngestStatus.Stored, IngestStatus.Failed, IngestStatus.Stored, IngestStatus.Stored, IngestStatus.Failed, IngestStatus.Failed],
            first.Select(o => o.Status));
        Assert.All(first.Where(o => o.Status == IngestStatus.Failed), o => Assert.False(string.IsNullOrEmpty(o.Reason)));

        var again = Ingest(feed, lines);
        Assert.All(again.Where(o => o.Status != IngestStatus.Failed), o => Assert.Equal(IngestStatus.AlreadyStored, o.Status));
        Assert.Equal(first.Select(o => o.Id), again.Select(o => o.Id));

        using var store = SqliteArticleStore.Open(_temp.File("test.db"));
        Assert.Equal(4, store.Count());
        var quay = store.Get(first[0].Id!.Value)!;
        Assert.Equal("https://courier.example.org/news/quay-closed", quay.Article.CanonicalUrl);
        Assert.Equal("https://courier.example.org/news/quay-closed?utm_source=rss", quay.Article.Url);
        using var dossier = JsonDocument.Parse(quay.Article.DossierJson);
        Assert.Equal(quay.Article.Text, dossier.RootElement.GetProperty("text").GetString());
        Assert.NotEqual(0, dossier.RootElement.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public void The_same_page_under_a_tracking_link_is_a_duplicate()
    {
        _temp.Write("a.jsonl",
            """{"url": "https://site.example/story?utm_source=x", "text": "The quay is shut."}""" + "\n" +
            """{"url": "https://site.example/story#top", "text": "The quay is shut, the harbour master said."}""");
        Assert.Equal([IngestStatus.Stored, IngestStatus.AlreadyStored], Ingest(_temp.File("a.jsonl")).Select(o => o.Status));
    }

    [Fact]
    public void A_reprinted_wire_story_is_stored_and_linked_to_the_first_copy()
    {
        _temp.Write("in/1-original.txt", WireStory.Original);
        _temp.Write("in/2-other.txt", WireStory.SameTopic);
        _temp.Write("in/3-reprint.txt", WireStory.Reprint);
        var outcomes = Ingest(_temp.File("in"));
        Assert.Equal([IngestStatus.Stored, IngestStatus.Stored, IngestStatus.StoredCopy], outcomes.Select(o => o.Status));
        Assert.Equal(outcomes[0].Id, outcomes[2].CopyOf);

        using var store = SqliteArticleStore.Open(_temp.File("test.db"));
        Assert.Equal(outcomes[0].Id, store.Get(outcomes[2].Id!.Value)!.Article.DuplicateOf);
        // A reprint of the reprint links to the original it copies, found again after reopening the store.
        _temp.Write("more/4-again.txt", WireStory.Reprint.Replace("Marta Silva", "Joe Bloggs", StringComparison.Ordinal));
        store.Dispose();
        var later = Assert.Single(Ingest(_temp.File("more")));
        Assert.Equal(IngestStatus.StoredCopy, later.Status);
        Assert.Equal(outcomes[0].Id, later.CopyOf);
    }
}
