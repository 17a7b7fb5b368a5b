using System.Diagnostics;
using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// `match DB QUERIES QRELS`: the latency of a store search per query (encoding the query, FTS5 BM25, the exact
/// vector scan, scoring, as `factdesk match` does after start-up), and how often the best hit is the right one at
/// each score, which is what the suggest/confident thresholds are chosen from. For a store holding the CheckThat!
/// 2020 collection (keys clef2020:ID) and its queries and qrels. A plain timing loop: one search is milliseconds.
/// </summary>
internal static class StoreMatching
{
    public static int Run(string[] args)
    {
        if (args.Length < 3 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench match DB QUERIES.tsv QRELS");
            return 2;
        }
        var relevant = Tsv.Read(args[2]).Where(r => r.Length >= 4 && r[3].Trim() != "0")
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => "clef2020:" + r[2]).ToHashSet(StringComparer.Ordinal));
        var queries = Tsv.Read(args[1]).Skip(1).Where(r => r.Length >= 2 && relevant.ContainsKey(r[0])).Select(r => (Id: r[0], Text: r[1])).ToList();

        using var store = SqliteFactCheckStore.Open(args[0]);
        using var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount);
        var search = new FactCheckSearch(store, encoder);
        var keys = store.All().ToDictionary(f => f.Id.ToString(CultureInfo.InvariantCulture), f => f.FactCheck.SourceKey);

        var clock = Stopwatch.StartNew();
        search.Search("warm-up: load the vectors and pay for the JIT", 10);
        var firstMs = clock.Elapsed.TotalMilliseconds;

        var latencies = new List<double>();
        var top = new List<(double Score, bool Right)>();
        double map5 = 0;
        foreach (var (id, text) in queries)
        {
            clock.Restart();
            var hits = search.Search(text, 10);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var ranked = hits.Select(h => keys[h.Entry.Id]).ToList();
            map5 += RankingMetrics.AveragePrecisionAt(ranked, relevant[id], 5);
            if (hits.Count > 0) top.Add((hits[0].Score, relevant[id].Contains(ranked[0])));
        }
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store {store.Count()} fact-checks, {queries.Count} judged queries; first search (loads vectors) {firstMs:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency ms: p50 {Percentile(0.5):0.0}  p90 {Percentile(0.9):0.0}  p99 {Percentile(0.99):0.0}  max {latencies[^1]:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAP@5 {map5 / queries.Count:0.000}  top-1 right {top.Count(t => t.Right)} of {queries.Count}"));
        Console.WriteLine("top-1 score >= t | queries | top-1 right | precision | share of all queries answered right");
        for (var t = 0.40; t < 0.951; t += 0.05)
        {
            var above = top.Where(x => x.Score >= t).ToList();
            var right = above.Count(x => x.Right);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t:0.00} | {above.Count} | {right} | {(above.Count == 0 ? 0 : (double)right / above.Count):0.000} | {(double)right / queries.Count:0.000}"));
        }
        return 0;
    }
}
