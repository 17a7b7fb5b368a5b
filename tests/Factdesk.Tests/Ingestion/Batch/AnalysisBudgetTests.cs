using Factdesk.Documents;
using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Segmentation;
using Factdesk.Storage;

namespace Factdesk.Tests.Ingestion.Batch;

public sealed class AnalysisBudgetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Stands in for a stage that a pathological document drives into a very long run.</summary>
    private sealed class SlowStage(TimeSpan delay) : IStage
    {
        public void Process(Document document) => Thread.Sleep(delay);
    }

    private List<IngestOutcome> Ingest(TimeSpan budget, params IStage[] stages)
    {
        var builder = new PipelineBuilder();
        foreach (var stage in stages) builder.Add(stage);
        using var store = SqliteArticleStore.Open(_temp.File("news.db"));
        var ingester = new ArticleIngester(store, builder.Build()) { Budget = budget };
        var article = _temp.Write("slow.txt", "The harbour master closed the northern quay on Tuesday after inspectors found cracks.");
        return [.. InputSources.Expand([article], () => Stream.Null).Select(ingester.Ingest)];
    }

    [Fact]
    public void An_article_over_its_analysis_budget_fails_naming_it_and_nothing_is_stored()
    {
        var outcome = Assert.Single(Ingest(TimeSpan.FromMilliseconds(20), new Segmenter(), new SlowStage(TimeSpan.FromMilliseconds(200)), new Segmenter()));
        Assert.Equal(IngestStatus.Failed, outcome.Status);
        Assert.Contains("slow.txt", outcome.Name);
        Assert.Contains("took over 0.02 s to analyse (stopped after SlowStage)", outcome.Reason);
        using var store = SqliteArticleStore.Open(_temp.File("news.db"));
        Assert.Equal(0, store.Count());
    }

    [Fact]
    public void An_article_within_its_budget_is_stored()
    {
        var outcome = Assert.Single(Ingest(TimeSpan.FromSeconds(30), new Segmenter(), new SlowStage(TimeSpan.FromMilliseconds(20))));
        Assert.Equal(IngestStatus.Stored, outcome.Status);
    }
}
