using System.Diagnostics;
using System.Globalization;
using Factdesk.Bench.Peers;
using Factdesk.Bench.Results;
using Factdesk.Ingestion;
using Factdesk.Matching;
using Factdesk.Output;
using Factdesk.Pipeline;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// Our own end-to-end figures, each in its own process so that its peak memory is its own, merged into
/// bench/results/endtoend.json:
/// <list type="bullet">
/// <item>`endtoend check DIR [--db STORE --label L]`: articles per second of what `check --format json` does (the default
/// pipeline, and with --db the lookup of the reviewed and check-worthy claims in a fact-check store, reranked), over
/// the pages of DIR, without process start-up (a folder is one process); each article's latency of the last run.</item>
/// <item>`endtoend cli NAME --units N --unit U [--fresh DB] -- COMMAND...`: a whole CLI command as a user runs it,
/// start-up included, under /usr/bin/time: UNITS per second and its peak resident memory, run after run (--fresh
/// deletes DB and its side files before each run, so every run imports or ingests into a new store).</item>
/// </list>
/// </summary>
internal static class EndToEnd
{
    public static int Run(string[] args)
    {
        if (args is ["check", .. var checkArgs]) return Check(new BenchOptions("endtoend check", checkArgs));
        if (args is ["cli", .. var cliArgs])
        {
            var split = Array.IndexOf(cliArgs, "--");
            if (split > 0 && split < cliArgs.Length - 1) return Cli(new BenchOptions("endtoend cli", cliArgs[..split]), cliArgs[(split + 1)..]);
        }
        Console.Error.WriteLine("usage: Factdesk.Bench endtoend check DIR [--db STORE --label L] [--articles N] [--runs N] [--smoke]\n" +
                                "       Factdesk.Bench endtoend cli NAME --units N --unit U [--fresh DB] [--runs N] [--smoke] -- COMMAND ARGS...");
        return 2;
    }

    private static int Check(BenchOptions options)
    {
        if (options.Positional is not [var dir] || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("endtoend check: DIR must be a folder of articles");
            return 2;
        }
        var pages = Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".html.gz", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(options.Int("--articles", options.Smoke ? 3 : int.MaxValue)).Select(ExtractionPages.Read).ToList();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var db = options.Text("--db");
        using var store = db is null ? null : StoreFactory.OpenFactChecks(db);
        using var encoder = db is null ? null : SentenceEncoder.Load(threads: Environment.ProcessorCount);
        var search = store is null ? null : new FactCheckSearch(store, encoder!) { Reranker = MatchReranker.Shipped };
        var name = search is null ? "check" : $"check --db ({options.Text("--label") ?? Path.GetFileName(db)} store)";

        List<double> Pass()
        {
            var latencies = new List<double>();
            foreach (var page in pages)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    var document = pipeline.Process(ArticleLoader.Load(new MemoryStream(page), "page.html", ".html"));
                    if (search is not null) DossierMatches.Fill(document, search, MatchThresholds.Default);
                    DossierJson.Serialize(document);
                }
                catch (InputException)
                {
                    // A page without article text is read and refused, as `check` does; its time counts all the same.
                }
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            return latencies;
        }

        Pass();
        var rates = new List<double>();
        var last = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            last = Pass();
            rates.Add(pages.Count / (last.Sum() / 1000));
            Console.WriteLine(BenchOptions.Invariant($"run {run + 1}: {name} {rates[^1]:0.0} articles/s"));
        }
        (BenchResult.Start("endtoend", options.Command) with
        {
            Measurements =
            [
                new Measurement(name, "throughput", "articles/s", rates),
                new Measurement(name, "latency per article", "ms", [Percentile(last, 0.5)], Samples: last),
                SideBySide.OurPeakMemory(name),
            ],
            Notes = [BenchOptions.Invariant($"check: the {pages.Count} pages of the article extraction benchmark, in one process, start-up and model loading left out (one warm-up pass)")],
        }).Merge(options.ResultsDirectory);
        return 0;
    }

    private static int Cli(BenchOptions options, string[] command)
    {
        if (options.Positional is not [var name] || options.Text("--units") is null)
        {
            Console.Error.WriteLine("endtoend cli: give NAME and --units N");
            return 2;
        }
        var units = double.Parse(options.Text("--units")!, CultureInfo.InvariantCulture);
        var unit = options.Text("--unit") ?? "items";
        var fresh = options.Text("--fresh");
        var timeFile = Path.GetTempFileName();
        var rates = new List<double>();
        var memory = new List<double>();
        try
        {
            // One untimed run first (page cache, the launcher's publish check); none in a smoke run.
            for (var run = options.Smoke ? 1 : 0; run <= options.Runs; run++)
            {
                if (fresh is not null)
                    foreach (var suffix in new[] { "", "-wal", "-shm", ".hnsw", ".bm25" }) File.Delete(fresh + suffix);
                var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var part in new[] { "-f", "%e %M", "-o", timeFile }.Concat(command)) info.ArgumentList.Add(part);
                using var process = Process.Start(info)!;
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"endtoend cli {name}: `{string.Join(' ', command)}` exited with {process.ExitCode}");
                    return 1;
                }
                var measured = File.ReadAllLines(timeFile).Last().Split(' ');
                if (run == 0) continue;
                rates.Add(units / double.Parse(measured[0], CultureInfo.InvariantCulture));
                memory.Add(Math.Round(double.Parse(measured[1], CultureInfo.InvariantCulture) / 1024));
                Console.WriteLine(BenchOptions.Invariant($"run {run}: {name} {rates[^1]:0.0} {unit}/s, peak {memory[^1]:0} MB"));
            }
        }
        finally
        {
            File.Delete(timeFile);
        }
        (BenchResult.Start("endtoend", options.Command) with
        {
            Measurements =
            [
                new Measurement(name, "throughput", unit + "/s", rates),
                new Measurement(name, "peak memory", "MB", memory),
            ],
            Notes = [BenchOptions.Invariant($"{name}: `{string.Join(' ', command)}`, whole process under /usr/bin/time, {units:0} {unit} a run")],
        }).Merge(options.ResultsDirectory);
        return 0;
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
