using System.Diagnostics;
using System.Globalization;
using Factdesk.Bench.Peers;
using Factdesk.Bench.Results;

namespace Factdesk.Bench;

/// <summary>
/// `scale N DB VCLAIMS QUERIES QRELS [--runs R] [--index-runs I] [--smoke]` (smoke: seeded from 200 claims only): the import
/// side of a store of N fact-checks, merged into bench/results/scale.json. R times: a new store filled with the
/// generated records (see <see cref="StoreGeneration"/>: the CLEF 2020 seed and made-up records with blended vectors, no
/// encoding), records per second of the inserts; after each of the last I fills (1 unless told) the store's search
/// indexes built (HNSW and BM25), vectors per second. The last store is left for `match`.
/// </summary>
internal static class StoreScale
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("scale", args);
        if (options.Positional is not [var n, var db, var vclaims, var queries, var qrels] || !int.TryParse(n, CultureInfo.InvariantCulture, out var total))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench scale N NEW.db verified_claims.docs.tsv tweets.queries.tsv qrels [--runs R] [--index-runs I] [--smoke]");
            return 2;
        }
        var label = Label(total);
        var rates = new List<double>();
        var indexRates = new List<double>();
        var indexRuns = Math.Clamp(options.Int("--index-runs", 1), 1, options.Runs);
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", ".hnsw", ".bm25" }) File.Delete(db + suffix);
            var seconds = StoreGeneration.Generate(total, db, vclaims, queries, qrels, options.Smoke ? 200 : int.MaxValue);
            if (seconds is null) return 2;
            rates.Add(total / seconds.Value);
            if (run < options.Runs - indexRuns) continue;
            var clock = Stopwatch.StartNew();
            if (StoreGeneration.Index([db]) != 0) return 1;
            indexRates.Add(2 * total / clock.Elapsed.TotalSeconds);
        }
        (BenchResult.Start("scale", options.Command) with
        {
            Measurements =
            [
                new Measurement($"import ({label} store)", "throughput", "records/s", rates),
                new Measurement($"index build ({label} store)", "throughput", "vectors/s", indexRates),
                SideBySide.OurPeakMemory($"import and index ({label} store)"),
            ],
            Notes = [BenchOptions.Invariant($"{label} store: {total:N0} fact-checks (the 10,375 CLEF 2020 verified claims and made-up ones with blended vectors, no encoding), SQLite with FTS5, batches of 10,000; the index build (claim and title vectors, {Environment.ProcessorCount} threads) after each of the last {indexRuns} fill(s)")],
        }).Merge(options.ResultsDirectory);
        return 0;
    }

    public static string Label(long count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => $"{count / 1_000_000}M",
        >= 1_000 when count % 1_000 == 0 => $"{count / 1_000}k",
        _ => count.ToString("N0", CultureInfo.InvariantCulture),
    };
}
