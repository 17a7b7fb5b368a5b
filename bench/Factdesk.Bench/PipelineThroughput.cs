using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Factdesk.Monitoring;
using Microsoft.Data.Sqlite;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Bench;

/// <summary>
/// `pipeline NATS_URL CLI ARTICLES WORKERS...`: the monitoring pipeline's throughput on a running nats-server. For each
/// worker count: ARTICLES generated short articles (three sentences with a quote, a figure and names, about 330
/// characters) are published by the monitor (timed), then that many `CLI worker` processes drain them into a fresh
/// SQLite store. Printed per run: publish rate, the drain's wall time, the steady rate (between 10 % and 100 % stored,
/// so start-up and model loading are left out), the rate per busy core, and the workers' own account of where their
/// time went. CLI is the command that runs factdesk (the ./factdesk launcher, a ReadyToRun publish).
/// </summary>
internal static class PipelineThroughput
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 4 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var articles) ||
            args[3..].Any(a => !int.TryParse(a, CultureInfo.InvariantCulture, out _)))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench pipeline NATS_URL CLI ARTICLES WORKERS...  (e.g. pipeline nats://127.0.0.1:4222 ./factdesk 5000 1 2 4)");
            return 2;
        }
        var (url, cli) = (args[0], args[1]);
        var temp = Directory.CreateTempSubdirectory("factdesk-bench-pipeline-").FullName;
        try
        {
            Console.WriteLine($"articles {articles:N0}, cores {Environment.ProcessorCount}, load before: {Load()}");
            Console.WriteLine("workers | publish/s | drain wall s | steady articles/s | per busy core/s | worker CPU ms/article | articles per CPU-second | load after | " +
                              "where the workers' time went (wall s, summed)");
            foreach (var workers in args[3..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
                await RunOnce(url, cli, articles, workers, temp);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        return 0;
    }

    private static async Task RunOnce(string url, string cli, int articles, int workers, string temp)
    {
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var streams = new MonitorStreams(prefix);
        var input = Path.Combine(temp, prefix + ".jsonl");
        Generate(input, prefix, articles);
        var db = Path.Combine(temp, prefix + ".db");
        Storage.SqliteArticleStore.Open(db).Dispose();

        var publish = Stopwatch.StartNew();
        await using (var connection = new NatsConnection(new NatsOpts { Url = url }))
        {
            var js = new NatsJSContext(connection);
            await streams.EnsureAsync(js, CancellationToken.None);
            using var state = MonitorState.Open(Path.Combine(temp, prefix + ".state"));
            using var http = new HttpClient();
            var counts = await new FeedMonitor(js, streams, state, http, Console.Error).PollAsync([input], CancellationToken.None);
            if (counts.Published != articles) throw new InvalidOperationException($"published {counts.Published} of {articles}");
        }
        publish.Stop();

        var drain = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(_ => Worker(cli, url, prefix, db)).ToList();
        TimeSpan? tenth = null;
        var cpuAtTenth = TimeSpan.Zero;
        long done;
        while ((done = Finished(db)) < articles)
        {
            if (tenth is null && done >= articles / 10)
            {
                tenth = drain.Elapsed;
                cpuAtTenth = Cpu(processes);
            }
            if (processes.All(p => p.Process.HasExited)) throw new InvalidOperationException($"the workers exited with {done} of {articles} done");
            await Task.Delay(100);
        }
        var all = drain.Elapsed;
        // CPU seconds the workers spent on the last 90 %: on a shared, loaded machine this is the honest per-core figure.
        var cpu = Cpu(processes) - cpuAtTenth;
        foreach (var (process, _) in processes) await process.WaitForExitAsync();
        var steady = articles * 0.9 / (all - tenth!.Value).TotalSeconds;
        var busy = Math.Min(workers, Environment.ProcessorCount);
        var lines = processes.Select(p => p.Output.ToString().Trim()).Where(l => l.Length > 0).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workers} | {articles / publish.Elapsed.TotalSeconds:0} | {all.TotalSeconds:0.0} | {steady:0.0} | {steady / busy:0.0} | " +
            $"{cpu.TotalMilliseconds / (articles * 0.9):0.0} | {articles * 0.9 / cpu.TotalSeconds:0.0} | {Load()} | {Summary(lines)}"));
        foreach (var (process, _) in processes) process.Dispose();
    }

    /// <summary>Adds up the "seconds waiting for jobs X, analysing Y, in the store Z, alerting, marking done and acknowledging W" of each worker's last line.</summary>
    private static string Summary(List<string> lines)
    {
        var sums = new Dictionary<string, double>();
        foreach (var line in lines)
        {
            var tail = line[(line.IndexOf("; seconds ", StringComparison.Ordinal) + 10)..];
            foreach (Match part in Regex.Matches(tail, @"(?:^|, )(?<name>[^0-9]+?) (?<value>-?[0-9]+\.[0-9]+)"))
            {
                var name = part.Groups["name"].Value;
                sums[name] = sums.GetValueOrDefault(name) + double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return string.Join(", ", sums.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.0}")));
    }

    private static (Process Process, System.Text.StringBuilder Output) Worker(string cli, string url, string prefix, string db)
    {
        var start = new ProcessStartInfo(cli) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "worker", "--nats", url, "--prefix", prefix, "--db", db, "--idle-exit", "3" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static TimeSpan Cpu(List<(Process Process, System.Text.StringBuilder Output)> processes) =>
        processes.Aggregate(TimeSpan.Zero, (sum, p) =>
        {
            try
            {
                return sum + p.Process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return sum; // exited already (only when it was idle, so little is lost)
            }
        });

    private static long Finished(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM monitored_articles";
        return (long)command.ExecuteScalar()!;
    }

    private static void Generate(string path, string tag, int count)
    {
        string[] places = ["Riverton", "Millbrook", "Eastvale", "Hollow Creek", "Northgate", "Sandhurst"];
        string[] things = ["bridge repair", "new hospital wing", "school budget", "tram extension", "flood barrier", "housing plan", "water tariff"];
        string[] people = ["Ellen Park", "Dana Ruiz", "Harold Vance", "Mira Osei", "Tom Becker"];
        var random = new Random(7);
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var (place, thing, who) = (places[random.Next(places.Length)], things[random.Next(things.Length)], people[random.Next(people.Length)]);
            var text = $"{place} council approves {thing} ({i}). The {thing} in {place} will cost {random.Next(2, 400)} million dollars, " +
                       $"{who} said on {(DayOfWeek)random.Next(7)}. Critics said the plan was {random.Next(2, 9)} years late and {random.Next(5, 60)} percent over budget. " +
                       $"\"We will finish the work by {2027 + random.Next(5)},\" {who} told reporters.";
            writer.WriteLine(JsonSerializer.Serialize(new { url = $"https://news.example/{tag}/{i}", text }));
        }
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
