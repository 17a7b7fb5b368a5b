using System.Text.Json;
using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Storage;

namespace Factdesk.Tests.Evidence;

/// <summary>Three short local-news articles, ingested through the default pipeline into a store the evidence tests search.</summary>
internal static class EvidenceArticles
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => PipelineBuilder.CreateDefault().Build());

    private static readonly (string Url, string Title, string Published, string Body)[] Articles =
    [
        ("https://courier.example.org/quay-reopens", "Quay to reopen on Monday", "2026-03-02T09:00:00Z",
            "<p>The northern quay in Westmere will reopen on Monday after three weeks of work.</p>" +
            "<p>\"The seawall repairs are finished and the quay is safe again,\" said Ellen Voss, the harbour master.</p>" +
            "<p>Traders at the weekly fish market welcomed the news.</p>"),
        ("https://courier.example.org/bus-fares", "Council doubles bus fares", "2026-03-05T12:00:00Z",
            "<p>The council voted on Tuesday to double bus fares in Westmere from April.</p>" +
            "<p>\"Doubling the fares is the only way to keep the rural routes running,\" said Tom Reed, the transport councillor.</p>" +
            "<p>Opponents said the decision would hurt pensioners most.</p>"),
        ("https://courier.example.org/storm", "Storm warning for the coast", "2026-03-06T07:30:00Z",
            "<p>Heavy rain and strong winds are forecast across the coast this weekend.</p>" +
            "<p>Forecasters advised people to stay away from exposed piers.</p>"),
    ];

    /// <summary>Writes the articles as JSON Lines of HTML pages and ingests them into the database at <paramref name="db"/>.</summary>
    public static void IngestInto(string db, TempDirectory temp)
    {
        var lines = Articles.Select(a => JsonSerializer.Serialize(new
        {
            url = a.Url,
            html = $"<html><head><title>{a.Title}</title><meta property=\"og:site_name\" content=\"Westmere Courier\">" +
                   $"<meta property=\"article:published_time\" content=\"{a.Published}\"></head><body><article><h1>{a.Title}</h1>{a.Body}</article></body></html>",
        }));
        var input = temp.Write("articles.jsonl", string.Join("\n", lines));
        using var store = SqliteArticleStore.Open(db);
        var ingester = new ArticleIngester(store, Pipeline.Value);
        foreach (var item in InputSources.Expand([input], () => Stream.Null))
            Assert.Equal(IngestStatus.Stored, ingester.Ingest(item).Status);
    }
}
