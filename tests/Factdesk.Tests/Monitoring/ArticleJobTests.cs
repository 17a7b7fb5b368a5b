using System.Text.Json;
using Factdesk.Ingestion.Batch;
using Factdesk.Monitoring;
using Factdesk.Pipeline;
using Factdesk.Storage;

namespace Factdesk.Tests.Monitoring;

/// <summary>A job carries what the store needs: the worker stores the article as `ingest` would, under the key the monitor published.</summary>
public sealed class ArticleJobTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_job_is_stored_as_ingest_would_store_the_item_under_the_key_it_was_published_with()
    {
        const string html = """
            <html><head><title>Bridge repair approved</title><link rel="canonical" href="https://site.example/story"></head>
            <body><article><p>The council approved the bridge repair on Monday, mayor Ellen Park said. It will cost 12 million dollars.</p>
            <p>"We will finish by 2028," said Dana Ruiz, who leads the works office.</p></article></body></html>
            """;
        var path = _temp.Write("a.jsonl", JsonSerializer.Serialize(new { url = "https://feed.example/item/7", html }));
        var item = Assert.Single(InputSources.Expand([path], () => Stream.Null));
        var job = ArticleJob.Parse(ArticleJob.Of(item.Load(), item.Name, item.Url).ToBytes(), "message 1");
        Assert.Equal("https://site.example/story", job.Key);

        var db = _temp.File("store.db");
        using var articles = SqliteArticleStore.Open(db);
        using var alerts = SqliteAlertStore.Open(db);
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var result = new JobProcessor(articles, alerts, pipeline, AlertFinder.None).Process(job);
        var stored = articles.Get(result.ArticleId)!.Article;
        Assert.Equal((job.Key, "https://feed.example/item/7", "Bridge repair approved"), (stored.CanonicalUrl, stored.Url, stored.Title));
        Assert.Equal(IngestStatus.AlreadyStored, new ArticleIngester(articles, pipeline).Ingest(item).Status);
    }

    [Fact]
    public void Anything_but_a_job_is_refused_with_the_message_named()
    {
        var e = Assert.Throws<Factdesk.Ingestion.InputException>(() => ArticleJob.Parse([0xff, 0x00, 0x13], "FACTDESK_JOBS message 9"));
        Assert.Equal("FACTDESK_JOBS message 9", e.Input);
        Assert.Throws<Factdesk.Ingestion.InputException>(() => ArticleJob.Parse("{\"name\":\"x\"}"u8, "m"));
    }

    public void Dispose() => _temp.Dispose();
}
