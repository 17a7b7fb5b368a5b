using System.Diagnostics;
using Factdesk.Duplicates;
using Factdesk.Monitoring;
using Factdesk.Storage;
using Factdesk.Tests.Storage;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Tests.Monitoring;

/// <summary>
/// The monitoring pipeline end to end against a real nats-server with JetStream: the monitor in-process, the workers
/// as `factdesk worker` processes (so one can be SIGKILLed), the store a SQLite file they share.
/// </summary>
public sealed class MonitoringPipelineTests : IDisposable
{
    /// <summary>The load: 5,000 short articles through three workers (about a minute of CPU on two cores).</summary>
    private const int ManyArticles = 5_000;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(12);

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Three_worker_processes_store_every_article_exactly_once_though_one_is_killed_mid_run()
    {
        var (url, owned) = await NatsServer.AnyAsync();
        await using var _ = owned;
        var streams = new MonitorStreams(Pipeline.Prefix());
        var articles = Pipeline.Articles(_temp, "k", ManyArticles);
        var polled = await Pipeline.MonitorOnce(url, streams, _temp, [articles]);
        Assert.Equal((ManyArticles, 0), (polled.Published, polled.DeadLettered));

        var db = _temp.File("store.db");
        var workers = Enumerable.Range(0, 3).Select(_ => Pipeline.Worker(url, streams.Prefix, db)).ToList();
        try
        {
            Assert.True(await Pipeline.Until(() => Pipeline.Count(db, "monitored_articles") >= ManyArticles / 5, Patience), "the workers stored too little in time");
            workers[0].Kill();
            await workers[0].WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(Pipeline.Count(db, "articles") < ManyArticles, "the kill came after all the work was done");
            foreach (var worker in workers.Skip(1))
            {
                await Pipeline.Exit(worker, Patience);
                Assert.Equal(0, worker.ExitCode);
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited)) worker.Kill();
        }

        var expected = Enumerable.Range(0, ManyArticles).Select(i => CanonicalUrl.Of(Pipeline.Url("k", i))!).Order(StringComparer.Ordinal);
        var stored = Pipeline.Column(db, "SELECT canonical_url FROM articles").Order(StringComparer.Ordinal);
        Assert.Equal(expected, stored);
        Assert.Equal(ManyArticles, Pipeline.Count(db, "dossiers"));
        Assert.Equal(ManyArticles, Pipeline.Count(db, "monitored_articles"));
        Assert.Equal(0, await Pipeline.Messages(url, streams.JobsStream));
        Assert.Empty(await Pipeline.DeadLetters(url, streams));
    }

    [Fact]
    public async Task Three_worker_processes_sharing_PostgreSQL_store_every_article_exactly_once_though_one_is_killed()
    {
        using var postgres = PostgresTestServer.Require();
        var (url, owned) = await NatsServer.AnyAsync();
        await using var _ = owned;
        const int count = 600;
        var streams = new MonitorStreams(Pipeline.Prefix());
        var articles = Pipeline.Articles(_temp, "p", count);
        var polled = await Pipeline.MonitorOnce(url, streams, _temp, [articles]);
        Assert.Equal((count, 0), (polled.Published, polled.DeadLettered));

        // The workers get the connection string as --db, as on machines that share one team database.
        var db = postgres.Schema("workers");
        var workers = Enumerable.Range(0, 3).Select(_ => Pipeline.Worker(url, streams.Prefix, db)).ToList();
        try
        {
            Assert.True(await Pipeline.Until(() => Pipeline.Count(db, "monitored_articles") >= count / 6, Patience), "the workers stored too little in time");
            workers[0].Kill();
            await workers[0].WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(Pipeline.Count(db, "articles") < count, "the kill came after all the work was done");
            foreach (var worker in workers.Skip(1))
            {
                await Pipeline.Exit(worker, Patience);
                Assert.Equal(0, worker.ExitCode);
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited)) worker.Kill();
        }

        var expected = Enumerable.Range(0, count).Select(i => CanonicalUrl.Of(Pipeline.Url("p", i))!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Pipeline.Column(db, "SELECT canonical_url FROM articles").Order(StringComparer.Ordinal));
        Assert.Equal(count, Pipeline.Count(db, "dossiers"));
        Assert.Equal(count, Pipeline.Count(db, "monitored_articles"));
        Assert.Equal(0, await Pipeline.Messages(url, streams.JobsStream));
        Assert.Empty(await Pipeline.DeadLetters(url, streams));
    }

    [Fact]
    public async Task The_pipeline_recovers_when_nats_server_restarts_mid_run_and_a_restarted_monitor_publishes_only_what_is_new()
    {
        await using var server = await NatsServer.StartAsync();
        var streams = new MonitorStreams(Pipeline.Prefix());
        const int count = 600;
        var articles = Pipeline.Articles(_temp, "r", count);
        Assert.Equal(count, (await Pipeline.MonitorOnce(server.Url, streams, _temp, [articles])).Published);

        var db = _temp.File("store.db");
        SqliteArticleStore.Open(db).Dispose();
        var workers = Enumerable.Range(0, 2).Select(_ => Pipeline.Worker(server.Url, streams.Prefix, db, idleExitSeconds: 15)).ToList();
        try
        {
            Assert.True(await Pipeline.Until(() => Pipeline.Count(db, "monitored_articles") >= count / 4, Patience), "the workers stored too little in time");
            await server.RestartAsync(TimeSpan.FromSeconds(2));
            Assert.True(Pipeline.Count(db, "articles") < count, "the restart came after all the work was done");
            foreach (var worker in workers)
            {
                await Pipeline.Exit(worker, Patience);
                Assert.Equal(0, worker.ExitCode);
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited)) worker.Kill();
        }
        Assert.Equal(count, Pipeline.Count(db, "articles"));
        Assert.Equal(count, Pipeline.Count(db, "monitored_articles"));
        Assert.Equal(0, await Pipeline.Messages(server.Url, streams.JobsStream));

        // The monitor remembers the file it read: unchanged, it is not read again; grown, only the new articles are published.
        var again = await Pipeline.MonitorOnce(server.Url, streams, _temp, [articles]);
        Assert.Equal((0, 0), (again.Published, again.Known));
        File.AppendAllLines(articles, File.ReadAllLines(Pipeline.Articles(_temp, "new", 3)));
        var grown = await Pipeline.MonitorOnce(server.Url, streams, _temp, [articles]);
        Assert.Equal((3, count), (grown.Published, grown.Known));
    }

    [Fact]
    public async Task Poison_articles_end_in_the_dead_letter_stream_with_their_reason_and_the_rest_flows_on()
    {
        var (url, owned) = await NatsServer.AnyAsync();
        await using var _ = owned;
        var streams = new MonitorStreams(Pipeline.Prefix());
        var good = Pipeline.Articles(_temp, "g", 30);
        var junk = _temp.Write("junk.html", RandomBytes(64 * 1024, seed: 1));
        var huge = _temp.File("huge.txt");
        using (var file = File.Create(huge)) file.SetLength(100L * 1024 * 1024);
        var long_ = _temp.Write("long.jsonl", System.Text.Json.JsonSerializer.Serialize(new
        {
            url = "https://news.example/long", text = string.Concat(Enumerable.Repeat("The council met again on Tuesday and said nothing new. ", 800)),
        }));
        var polled = await Pipeline.MonitorOnce(url, streams, _temp, [junk, good, huge, long_], maxJobBytes: 30_000);
        Assert.Equal((30, 3), (polled.Published, polled.DeadLettered));

        // Junk published straight to the jobs subject by some other producer reaches a worker, fails, and is retried before it is given up.
        var garbage = RandomBytes(5_000, seed: 2);
        await using (var connection = new NatsConnection(new NatsOpts { Url = url }))
            (await new NatsJSContext(connection).PublishAsync(streams.JobsSubject, garbage, cancellationToken: TestContext.Current.CancellationToken)).EnsureSuccess();

        var db = _temp.File("store.db");
        using (var worker = Pipeline.Worker(url, streams.Prefix, db, 5, "--max-deliver", "3"))
        {
            await Pipeline.Exit(worker, Patience);
            Assert.Equal(0, worker.ExitCode);
        }
        Assert.Equal(30, Pipeline.Count(db, "articles"));
        Assert.Equal(0, await Pipeline.Messages(url, streams.JobsStream));

        var letters = await Pipeline.DeadLetters(url, streams);
        Assert.Equal(4, letters.Count);
        var bySource = letters.ToDictionary(l => l.Source);
        Assert.Contains("binary", bySource[junk].Error);
        Assert.Contains("limit", bySource[huge].Error);
        Assert.Contains("30,000-byte limit", bySource[long_ + " line 1"].Error);
        Assert.All(letters.Where(l => l.Stage == "monitor"), l => Assert.Equal((0, 0), (l.Deliveries, l.Payload.Length)));
        var fromWorker = Assert.Single(letters, l => l.Stage == "worker");
        Assert.Equal(3, fromWorker.Deliveries);
        Assert.Contains("is not an article job", fromWorker.Error);
        Assert.Equal(garbage, fromWorker.Payload);
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose() => _temp.Dispose();
}
