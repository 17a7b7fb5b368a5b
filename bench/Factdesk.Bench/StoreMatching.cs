using System.Diagnostics;
using System.Globalization;
using Factdesk.Bench.Results;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// `match DB QUERIES QRELS [--ef N] [--reranker FILE|none] [--tuned-encoder FILE] [--query-encoder float32] [--query-threads N]`: the latency of a store search per query (encoding the query, BM25 and HNSW
/// candidates from the store's in-memory indexes, scoring, as `factdesk match` does after start-up), and how often the best hit is the right one at
/// each score, which is what the suggest/confident thresholds are chosen from. For a store holding the CheckThat!
/// 2020 collection (keys clef2020:ID) and its queries and qrels. A plain timing loop: one search is milliseconds.
/// </summary>
internal static class StoreMatching
{
    public static int Run(string[] args)
    {
        if (args.Length < 3 || (!StoreFactory.IsPostgres(args[0]) && !File.Exists(args[0])))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench match DB|POSTGRES-CONNECTION-STRING QUERIES.tsv QRELS [--ef N] [--reranker FILE|none] [--tuned-encoder FILE] [--query-encoder float32] [--query-threads N] [--runs N [--results DIR]] [--queries N]");
            return 2;
        }
        var relevant = Tsv.Read(args[2]).Where(r => r.Length >= 4 && r[3].Trim() != "0")
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => "clef2020:" + r[2]).ToHashSet(StringComparer.Ordinal));
        var queries = Tsv.Read(args[1]).Skip(1).Where(r => r.Length >= 2 && relevant.ContainsKey(r[0])).Select(r => (Id: r[0], Text: r[1])).ToList();

        var options = args.Skip(3).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        // --queries N: the first N judged queries only (bench/run's smoke run).
        if (options.TryGetValue("--queries", out var first)) queries = queries.Take(int.Parse(first, CultureInfo.InvariantCulture)).ToList();
        var breadth = options.TryGetValue("--ef", out var ef) ? int.Parse(ef, CultureInfo.InvariantCulture) : FactCheckSearch.DefaultSearchBreadth;
        var reranker = options.GetValueOrDefault("--reranker") switch
        {
            "none" => null,
            { } path => MatchReranker.LoadFile(path),
            null => MatchReranker.Shipped,
        };

        using var store = StoreFactory.OpenFactChecks(args[0]);
        // The queries go through the int8 model, as `factdesk match` encodes them (the stored vectors are the float32
        // model's), on one thread as there; --query-encoder float32 for the float32 model instead, --query-threads N to
        // give the encoder more threads.
        var queryThreads = options.TryGetValue("--query-threads", out var threadsText) && int.TryParse(threadsText, out var n) && n > 0 ? n : 1;
        using var encoder = options.GetValueOrDefault("--query-encoder") == "float32"
            ? SentenceEncoder.Load(threads: queryThreads)
            : SentenceEncoder.LoadForQueries(threads: queryThreads);
        // --tuned-encoder FILE: fine-tuned MiniLM weights for a reranker trained with them as its second encoder (else the reranker's own second encoder, if any).
        using var tuned = options.GetValueOrDefault("--tuned-encoder") is { } tunedPath ? SentenceEncoder.LoadTuned(TunedWeights.LoadFile(tunedPath), threads: Environment.ProcessorCount) : null;
        var search = new FactCheckSearch(store, encoder) { SearchBreadth = breadth, SecondEncoder = tuned };
        var vectors = encoder.Encode(queries.ConvertAll(q => q.Text));

        var clock = Stopwatch.StartNew();
        search.Search("warm-up: open the vector index and pay for the JIT", 10);
        var firstMs = clock.Elapsed.TotalMilliseconds;

        // Three passes over the same queries: the two retrievers alone, the whole search with the query's vector
        // given (what a batch pays), and the whole search with encoding (what `factdesk match` pays per claim).
        // Each part alone, one pass over the queries apiece. Beside the wall-clock latencies, the process's CPU time per
        // query (mean over the pass, all threads): on a shared machine the wall clock mostly measures the others' load,
        // the CPU time what a query costs.
        var cpu = new Dictionary<string, double>();
        List<double> Pass(string name, Action<int, string> part)
        {
            var latencies = new List<double>();
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (i, (_, text)) in queries.Index())
            {
                clock.Restart();
                part(i, text);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            cpu[name] = (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds / queries.Count;
            return latencies;
        }
        List<string> Terms(string text) => SearchTerms.Of(text).Distinct(StringComparer.Ordinal).Take(FactCheckSearch.MaxQueryTerms).ToList();
        // One untimed pass of each part first, so that every row is measured warm: without it the first timed passes
        // measured the warming (HNSW alone, before huge pages: p50 5–7 ms in its first pass, 1.7 ms in a later one).
        foreach (var (i, (_, text)) in queries.Index())
        {
            encoder.Encode(text);
            search.NearestByTerms(Terms(text));
            search.NearestByVector(vectors[i]);
            search.Search(text, vectors[i], 10);
        }
        var encoding = Pass("encoding only", (_, text) => encoder.Encode(text));
        var bm25 = Pass("BM25 (MaxScore) only", (_, text) => search.NearestByTerms(Terms(text)));
        var fts5 = Pass("full-text (unused)", (_, text) => store.SearchText(Terms(text), HybridScoring.CandidatesPerRetriever));
        var nearest = Pass("vectors (HNSW) only", (i, _) => search.NearestByVector(vectors[i]));
        // The hybrid search and, in the same run, the reranked one (what `factdesk match` does by default).
        var (latencies, withEncoding, sequential, rankedIds, topScores) = Timed(search, encoder, queries, vectors, cpu, "");
        (List<double> Latencies, List<double> WithEncoding, List<double> Sequential, List<List<long>> Ranked, List<double> TopScores)? reranked = reranker is null ? null : Timed(search.WithReranker(reranker), encoder, queries, vectors, cpu, "reranked ");
        var top = new List<(double Score, bool Right)>();
        double map5 = 0;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var sourceKeys = rankedIds.Concat(reranked?.Ranked ?? new List<List<long>>()).SelectMany(r => r).Distinct().ToDictionary(x => x, x => store.Get(x)!.FactCheck.SourceKey);
        double rerankedMap5 = 0;
        var rerankedTop = new List<(double Score, bool Right)>();
        foreach (var (i, (id, _)) in queries.Index())
        {
            var ranked = rankedIds[i].Select(x => sourceKeys[x]).ToList();
            map5 += RankingMetrics.AveragePrecisionAt(ranked, relevant[id], 5);
            if (ranked.Count > 0) top.Add((topScores[i], relevant[id].Contains(ranked[0])));
            if (reranked is null) continue;
            ranked = reranked.Value.Ranked[i].Select(x => sourceKeys[x]).ToList();
            rerankedMap5 += RankingMetrics.AveragePrecisionAt(ranked, relevant[id], 5);
            if (ranked.Count > 0) rerankedTop.Add((reranked.Value.TopScores[i], relevant[id].Contains(ranked[0])));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store {store.Count()} fact-checks, {queries.Count} judged queries, HNSW beam {breadth}, {(encoder.IsInt8 ? "int8" : "float32")} query encoder; first search (opens the vector index) {firstMs:0} ms"));
        Console.WriteLine($"full-text (unused): {(StoreFactory.IsPostgres(args[0]) ? "tsvector ts_rank" : "FTS5 bm25()")}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("latency ms                |   p50 |   p90 |   p99 |   max | CPU ms/query");
        List<(string, List<double>)> rows = [("encoding only", encoding), ("BM25 (MaxScore) only", bm25), ("full-text (unused)", fts5), ("vectors (HNSW) only", nearest), ("search, vector given", latencies), ("search with encoding", withEncoding), ("encode, then search", sequential)];
        if (reranked is { } r) rows.AddRange([("reranked vector given", r.Latencies), ("reranked with encoding", r.WithEncoding), ("reranked encode, then", r.Sequential)]);
        foreach (var (name, values) in rows)
        {
            values.Sort();
            double Percentile(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-25} | {Percentile(0.5),5:0.0} | {Percentile(0.9),5:0.0} | {Percentile(0.99),5:0.0} | {values[^1],5:0.0} | {cpu[name],5:0.00}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {peak / 1e6:0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAP@5 {map5 / queries.Count:0.000}  top-1 right {top.Count(t => t.Right)} of {queries.Count}"));
        Thresholds(top, queries.Count);
        if (options.ContainsKey("--runs"))
            Record(options, args, store.Count(), queries.Count, search.WithReranker(reranker), encoder,
                queries, vectors, peak, (reranker is null ? map5 : rerankedMap5) / queries.Count);
        if (reranked is null) return 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reranked: MAP@5 {rerankedMap5 / queries.Count:0.000}  top-1 right {rerankedTop.Count(t => t.Right)} of {queries.Count}"));
        Console.WriteLine("reranked (level from the top hit's hybrid score):");
        Thresholds(rerankedTop, queries.Count);
        return 0;
    }

    /// <summary>
    /// With --runs N (bench/run): N more passes of the search as `factdesk match` runs it (reranked unless told, query
    /// encoding included), merged into bench/results/scale.json: the p50 and p99 of each pass, every query's latency of
    /// the last pass, the peak working set and MAP@5.
    /// </summary>
    private static void Record(Dictionary<string, string> options, string[] args, long count, int queryCount, FactCheckSearch search, SentenceEncoder encoder,
        List<(string Id, string Text)> queries, float[][] vectors, long peak, double map5)
    {
        var runs = int.Parse(options["--runs"], CultureInfo.InvariantCulture);
        var (p50, p99) = (new List<double>(), new List<double>());
        var last = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            last = Timed(search, encoder, queries, vectors, new Dictionary<string, double>(), "").WithEncoding;
            p50.Add(EndToEnd.Percentile(last, 0.5));
            p99.Add(EndToEnd.Percentile(last, 0.99));
        }
        var name = $"match ({StoreScale.Label(count)} store)";
        var result = BenchResult.Start("scale", "Factdesk.Bench match " + string.Join(' ', args)) with
        {
            Measurements =
            [
                new Measurement(name, "latency p50", "ms", p50, Samples: last),
                new Measurement(name, "latency p99", "ms", p99),
                new Measurement(name, "peak memory", "MB", [Math.Round(Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64) / 1e6)]),
                new Measurement(name, "MAP@5", "score", [Math.Round(map5, 3)]),
            ],
            Notes = [string.Create(CultureInfo.InvariantCulture, $"match: the {queryCount} judged CLEF 2020 dev queries against the store, each encoded, searched (BM25 + HNSW) and reranked as `factdesk match` does after start-up; {runs} passes after a first one")],
        };
        result.Merge(options.GetValueOrDefault("--results") ?? Path.Combine(BenchOptions.RepositoryRoot(), "bench", "results"));
    }

    private static void Thresholds(List<(double Score, bool Right)> top, int queries)
    {
        Console.WriteLine("top-1 score >= t | queries | top-1 right | precision | share of all queries answered right");
        for (var t = 0.40; t < 0.951; t += 0.05)
        {
            var above = top.Where(x => x.Score >= t).ToList();
            var right = above.Count(x => x.Right);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t:0.00} | {above.Count} | {right} | {(above.Count == 0 ? 0 : (double)right / above.Count):0.000} | {(double)right / queries:0.000}"));
        }
    }

    // Each query's search timed with its vector given, then with encoding (BM25 beside the encoder, as `factdesk match`
    // runs it), then encoding first and searching after; the first pass's ranking and top score kept.
    private static (List<double> Latencies, List<double> WithEncoding, List<double> Sequential, List<List<long>> Ranked, List<double> TopScores) Timed(
        FactCheckSearch search, SentenceEncoder encoder, List<(string Id, string Text)> queries, float[][] vectors, Dictionary<string, double> cpu, string prefix)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
        var start = Cpu();
        var latencies = new List<double>();
        var ranked = new List<List<long>>();
        var topScores = new List<double>();
        foreach (var (i, (_, text)) in queries.Index())
        {
            clock.Restart();
            var hits = search.Search(text, vectors[i], 10);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            ranked.Add(hits.Select(FactCheckSearch.IdOf).ToList());
            topScores.Add(hits.Count > 0 ? hits[0].Score : 0);
        }
        cpu[prefix + (prefix == "" ? "search, vector given" : "vector given")] = (Cpu() - start).TotalMilliseconds / queries.Count;
        start = Cpu();
        var withEncoding = new List<double>();
        foreach (var (_, text) in queries)
        {
            clock.Restart();
            search.Search(text, 10);
            withEncoding.Add(clock.Elapsed.TotalMilliseconds);
        }
        cpu[prefix + (prefix == "" ? "search with encoding" : "with encoding")] = (Cpu() - start).TotalMilliseconds / queries.Count;
        start = Cpu();
        var sequential = new List<double>();
        foreach (var (_, text) in queries)
        {
            clock.Restart();
            search.Search(text, encoder.Encode(text), 10);
            sequential.Add(clock.Elapsed.TotalMilliseconds);
        }
        cpu[prefix + (prefix == "" ? "encode, then search" : "encode, then")] = (Cpu() - start).TotalMilliseconds / queries.Count;
        return (latencies, withEncoding, sequential, ranked, topScores);
    }
}
