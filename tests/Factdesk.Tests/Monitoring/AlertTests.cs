using Factdesk.FactChecks;
using Factdesk.Ingestion.Batch;
using Factdesk.Matching;
using Factdesk.Monitoring;
using Factdesk.Pipeline;
using Factdesk.Publishing;
using Factdesk.Storage;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Tests.Monitoring;

/// <summary>Alerts: a stored article's claim that matches a fact-check rated false, recorded once for the desk and published once.</summary>
public sealed class AlertTests : IDisposable
{
    // The politifact-style fixture quotes this claim; the first review rates it false, the second (another claim) true.
    private const string Reviews = """
        [{"@type": "ClaimReview", "url": "https://checks.example/crime", "claimReviewed": "Violent crime in Millbrook has doubled since Ellen Park became mayor.",
          "author": {"@type": "Organization", "name": "Example Checks"}, "reviewRating": {"@type": "Rating", "alternateName": "False"}},
         {"@type": "ClaimReview", "url": "https://checks.example/tides", "claimReviewed": "The harbour tides are higher in spring.",
          "author": {"@type": "Organization", "name": "Example Checks"}, "reviewRating": {"@type": "Rating", "alternateName": "True"}}]
        """;

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("False", null, true)]
    [InlineData("Pants on Fire!", null, true)]
    [InlineData("misleading", null, true)]
    [InlineData("Half True", null, false)]
    [InlineData("True", null, false)]
    [InlineData("no idea", null, false)]
    [InlineData(null, 1.0, true)]
    [InlineData(null, 3.0, false)]
    public void A_verdict_counts_as_false_on_the_false_side_of_the_scale(string? verdict, double? rating, bool expected)
    {
        var finder = new AlertFinder(null, MatchThresholds.Default, RatingScales.Get("politifact"));
        var fact = new FactCheckRecord("k", "c", Verdict: verdict, RatingValue: rating, BestRating: rating is null ? null : 5, WorstRating: rating is null ? null : 1);
        Assert.Equal(expected, finder.IsFalse(fact));
    }

    [Fact]
    public async Task A_worker_records_and_publishes_one_alert_for_a_claim_matching_a_false_fact_check_however_often_the_job_comes()
    {
        var (url, owned) = await NatsServer.AnyAsync();
        await using var _ = owned;
        var streams = new MonitorStreams(Pipeline.Prefix());
        var db = _temp.File("store.db");
        using var facts = SqliteFactCheckStore.Open(db);
        using var encoder = SentenceEncoder.Load();
        Assert.Equal(2, new FactCheckImporter(facts, () => encoder).Import(_temp.Write("reviews.json", Reviews)).Imported);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var sources = new[] { Path.Combine(fixtures, "politifact-style.txt"), Path.Combine(fixtures, "plain-news.txt") };
        Assert.Equal(2, (await Pipeline.MonitorOnce(url, streams, _temp, sources)).Published);

        using var articles = SqliteArticleStore.Open(db);
        using var alerts = SqliteAlertStore.Open(db);
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var finder = new AlertFinder(new FactCheckSearch(facts, encoder), MatchThresholds.Default, RatingScales.Default);
        var processor = new JobProcessor(articles, alerts, pipeline, finder);
        await using var connection = new NatsConnection(new NatsOpts { Url = url });
        var js = new NatsJSContext(connection);
        var worker = new JobWorker(js, streams, processor, new WorkerOptions { IdleExit = TimeSpan.FromSeconds(2) }, TextWriter.Null);
        await worker.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (worker.Stats.Stored, worker.Stats.Alerts));
        var alert = Assert.Single(alerts.Latest(10));
        Assert.Equal(("False", "https://checks.example/crime"), (alert.Alert.Verdict, alert.Alert.Url));
        Assert.Contains("Violent crime in Millbrook", alert.Alert.ArticleClaim);
        Assert.True(alert.Alert.Score >= MatchThresholds.Default.ConfidentAbove);
        var stored = articles.Get(alert.ArticleId)!;
        Assert.Contains("https://checks.example/crime", stored.Article.DossierJson); // the matches are in the stored dossier too
        Assert.Equal(1, await Pipeline.Messages(url, streams.AlertsStream));

        // The same job again (published after the duplicate window, or redelivered): nothing new is stored, recorded or published.
        var job = ArticleJob.Of(Factdesk.Ingestion.ArticleLoader.Load(sources[0]), sources[0], null);
        var again = processor.Process(job);
        Assert.Equal((IngestStatus.AlreadyStored, true, 0), (again.Status, again.Finished, again.Alerts.Count));
        Assert.Equal(2, alerts.FinishedCount());
    }

    [Fact]
    public void A_job_whose_worker_died_between_storing_and_finishing_gets_its_alerts_on_redelivery()
    {
        var db = _temp.File("store.db");
        using var facts = SqliteFactCheckStore.Open(db);
        using var encoder = SentenceEncoder.Load();
        new FactCheckImporter(facts, () => encoder).Import(_temp.Write("reviews.json", Reviews));
        using var articles = SqliteArticleStore.Open(db);
        using var alerts = SqliteAlertStore.Open(db);
        var processor = new JobProcessor(articles, alerts, PipelineBuilder.CreateDefault().Build(),
            new AlertFinder(new FactCheckSearch(facts, encoder), MatchThresholds.Default, RatingScales.Default));
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "politifact-style.txt");
        var job = ArticleJob.Of(Factdesk.Ingestion.ArticleLoader.Load(path), path, null);

        var first = processor.Process(job); // stored; the worker "dies" before Finish
        Assert.Equal((IngestStatus.Stored, 1), (first.Status, first.Alerts.Count));
        var redelivered = processor.Process(job);
        Assert.Equal((IngestStatus.AlreadyStored, false, first.ArticleId), (redelivered.Status, redelivered.Finished, redelivered.ArticleId));
        Assert.Equal(first.Alerts, redelivered.Alerts);
        processor.Finish(redelivered);
        processor.Finish(redelivered); // a second finish of the same article adds nothing
        Assert.Single(alerts.Latest(10));
        Assert.Equal(1, articles.Count());
    }

    public void Dispose() => _temp.Dispose();
}
