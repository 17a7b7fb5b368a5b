using System.CommandLine;
using Factdesk.Matching;
using Factdesk.Monitoring;
using Factdesk.Pipeline;
using Factdesk.Publishing;
using Factdesk.Storage;
using NATS.Client.JetStream;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk worker`: take jobs from JetStream, analyse and store each article, raise alerts; run one per core, on any machine.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var database = DatabaseOption.Create("The database to store articles, dossiers and alerts in, a SQLite file or a PostgreSQL connection string shared by workers on many machines (its fact-checks are matched against)");
        var maxDeliver = new Option<int>("--max-deliver")
        {
            Description = "Attempts before a failing job goes to the dead-letter stream", DefaultValueFactory = _ => 5, HelpName = "N",
        };
        var ackWait = new Option<double>("--ack-wait")
        {
            Description = "Seconds before the job of a worker that stopped answering goes to another worker", DefaultValueFactory = _ => 60, HelpName = "SECONDS",
        };
        var retryDelay = new Option<double>("--retry-delay")
        {
            Description = "Seconds before a failed job is tried again (times the attempt number)", DefaultValueFactory = _ => 5, HelpName = "SECONDS",
        };
        var batch = new Option<int>("--batch") { Description = "Jobs fetched at a time", DefaultValueFactory = _ => 8, HelpName = "N" };
        var idleExit = new Option<double?>("--idle-exit") { Description = "Exit once no job has come for this many seconds", HelpName = "SECONDS" };
        var scale = ScaleOption.Create("read on to tell which fact-checks rate a claim false");
        var thresholds = new ThresholdOptions();
        var nats = new NatsOptions();
        var command = new Command("worker", "Take article jobs from NATS JetStream: analyse, store the dossier, alert on claims matching false fact-checks")
        {
            database, maxDeliver, ackWait, retryDelay, batch, idleExit, scale, thresholds.Suggest, thresholds.Confident,
        };
        foreach (var option in nats.All) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var streams = nats.Streams(parse);
            var options = new WorkerOptions
            {
                MaxDeliver = NatsOptions.Positive(parse, maxDeliver),
                AckWait = NatsOptions.Seconds(parse, ackWait),
                RetryDelay = NatsOptions.Seconds(parse, retryDelay),
                Batch = NatsOptions.Positive(parse, batch),
                IdleExit = parse.GetValue(idleExit) is { } idle ? TimeSpan.FromSeconds(Math.Max(idle, 0)) : null,
            };
            var levels = thresholds.Read(parse);
            var ratingScale = RatingScales.Get(parse.GetValue(scale)!);
            var path = parse.GetValue(database)!;
            var log = parse.InvocationConfiguration.Error;
            using var articles = new TimedArticleStore(StoreFactory.OpenArticles(path));
            using var alerts = StoreFactory.OpenAlerts(path);
            using var facts = StoreFactory.OpenFactChecks(path);
            // Fact-checks are read once, at start: restart the workers after an import so they match against the new ones.
            using var encoder = facts.Count() > 0 ? SentenceEncoder.LoadForQueries(threads: 1) : null;
            var search = encoder is null ? null : new FactCheckSearch(facts, encoder);
            search?.Open();
            var pipeline = PipelineBuilder.CreateDefault(ratingScale).Build();
            await pipeline.Preload();
            var processor = new JobProcessor(articles, alerts, pipeline, new AlertFinder(search, levels, ratingScale));
            await using var connection = nats.Connect(parse, "factdesk-worker");
            var js = new NatsJSContext(connection);
            var worker = new JobWorker(js, streams, processor, options, log);
            try
            {
                await Streams.Ensure(js, streams, log, cancellationToken);
                await worker.RunAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before the server could be reached: nothing was taken, nothing is lost.
            }
            var stats = worker.Stats;
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"worker: {stats.Stored} stored, {stats.AlreadyStored} already stored, {stats.Failures} failed attempt(s), " +
                $"{stats.DeadLettered} dead-lettered, {stats.Alerts} alert(s); seconds waiting for jobs {Seconds(stats.FetchTicks)}, " +
                $"analysing {WorkerStats.Seconds(stats.ProcessTicks) - articles.Elapsed.TotalSeconds:0.00}, in the store {articles.Elapsed.TotalSeconds:0.00}, " +
                $"alerting, marking done and acknowledging {Seconds(stats.AckTicks)}");
            await output.FlushAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    private static string Seconds(long ticks) => WorkerStats.Seconds(ticks).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
