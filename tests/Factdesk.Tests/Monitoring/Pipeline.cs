using System.Diagnostics;
using System.Text.Json;
using Factdesk.Monitoring;
using Factdesk.Tests.Storage;
using Microsoft.Data.Sqlite;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Tests.Monitoring;

/// <summary>What the monitoring tests share: generated articles, an in-process monitor pass, worker processes, and reading the results.</summary>
internal static class Pipeline
{
    public static string Prefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// A JSON Lines file of <paramref name="count"/> short, distinct news articles, each with its own URL
    /// (https://news.example/{tag}/{i}): a few sentences with a quote, a number and names, so every stage has work.
    /// </summary>
    public static string Articles(TempDirectory temp, string tag, int count)
    {
        string[] topics = ["bridge", "hospital", "school budget", "river clean-up", "tax plan", "tram line", "housing scheme"];
        var path = temp.File($"{tag}.jsonl");
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var topic = topics[i % topics.Length];
            var text = $"Article {tag}-{i}. The {topic} in Riverton district {i} will cost {12 + i % 90} million dollars, " +
                       $"mayor Ellen Park said on Monday. Critics on the council said the {topic} was {i % 7 + 2} years late. " +
                       $"\"We will finish it by {2027 + i % 5},\" said Dana Ruiz, who leads the works office.";
            writer.WriteLine(JsonSerializer.Serialize(new { url = Url(tag, i), text }));
        }
        return path;
    }

    public static string Url(string tag, int i) => $"https://news.example/{tag}/{i}";

    public static async Task<PollCounts> MonitorOnce(string url, MonitorStreams streams, TempDirectory temp, IReadOnlyList<string> sources, int maxJobBytes = FeedMonitor.DefaultMaxJobBytes)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = url });
        var js = new NatsJSContext(connection);
        await streams.EnsureAsync(js, TestContext.Current.CancellationToken);
        using var state = MonitorState.Open(temp.File("monitor.state"));
        using var http = new HttpClient();
        var monitor = new FeedMonitor(js, streams, state, http, TextWriter.Null) { MaxJobBytes = maxJobBytes };
        return await monitor.PollAsync(sources, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A `factdesk worker` process that exits once the queue has been empty for <paramref name="idleExitSeconds"/>; that
    /// must be longer than its 4 s ack wait, so a killed worker's jobs come back while the others still wait for work.
    /// </summary>
    public static Process Worker(string url, string prefix, string db, int idleExitSeconds = 10, params string[] more) =>
        ChildCli.Start(["worker", "--nats", url, "--prefix", prefix, "--db", db, "--ack-wait", "4", "--retry-delay", "0.2",
            "--idle-exit", idleExitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), .. more]);

    public static async Task<long> Messages(string url, string stream)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = url });
        return await MonitorStreams.CountAsync(new NatsJSContext(connection), stream, TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<DeadLetter>> DeadLetters(string url, MonitorStreams streams)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = url });
        return await Factdesk.Monitoring.DeadLetters.ReadAllAsync(new NatsJSContext(connection), streams, TestContext.Current.CancellationToken);
    }

    /// <summary>Rows of one column, read with a connection of the test's own (the workers may still be writing).</summary>
    public static List<string> Column(string db, string sql)
    {
        if (Factdesk.Storage.StoreFactory.IsPostgres(db)) return PostgresColumn(db, sql);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var row = command.ExecuteReader();
        var values = new List<string>();
        while (row.Read()) values.Add(Convert.ToString(row.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    private static List<string> PostgresColumn(string db, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(db);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        using var row = command.ExecuteReader();
        var values = new List<string>();
        while (row.Read()) values.Add(Convert.ToString(row.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Rows in a table; 0 while the workers have not created the database or its tables yet.</summary>
    public static long Count(string db, string table)
    {
        try
        {
            return File.Exists(db) || Factdesk.Storage.StoreFactory.IsPostgres(db) ? long.Parse(Column(db, $"SELECT count(*) FROM {table}")[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
        catch (Exception e) when (e is SqliteException or Npgsql.PostgresException)
        {
            return 0;
        }
    }

    /// <summary>Waits for <paramref name="done"/>, polling; false when <paramref name="limit"/> passed first.</summary>
    public static async Task<bool> Until(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) return false;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return true;
    }

    public static async Task Exit(Process process, TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"a worker did not exit within {limit.TotalSeconds} s");
        }
    }
}
