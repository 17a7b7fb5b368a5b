using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Factdesk.Bench.Results;
using Factdesk.Matching;
using Factdesk.Retrieval;
using static Factdesk.Bench.Peers.RunSeries;

namespace Factdesk.Bench.Peers;

/// <summary>
/// `vectors SIZE|DB`: Factdesk's HNSW index and its exact float32 scan beside FAISS (IndexFlatIP, IndexHNSWFlat) and
/// hnswlib on the same vectors (claim and title rows of every fact-check, written to a temporary folder that
/// bench/search_peers.py reads) and the same query vectors (the CheckThat! 2020 dev queries). All graphs get M 16 and
/// efConstruction 100 (ours) and search with our default beam (FactCheckSearch.DefaultSearchBreadth, 768 since the 1M recall work); builds use every core, queries run one at a
/// time on one thread. Each index is built once; then a warm-up pass and --runs timed passes, the systems taking
/// turns within each run, so the ratios ours/peer come from the same minute. Recall@10 is of fact-checks against
/// the exact scan (per fact-check the better of its claim and title cosine).
/// </summary>
internal static class VectorSearchBench
{
    private const int Top = 10;
    private const string OursGraph = "factdesk hnsw";
    private const string OursExact = "factdesk exact scan";
    private const string FaissFlat = "faiss flat";
    private const string FaissHnsw = "faiss hnsw";
    private const string Hnswlib = "hnswlib";

    public static int Run(string[] args) => PythonPeer.Guarded("vectors", () => Measure(args));

    private static int Measure(string[] args)
    {
        var options = PeerOptions.Parse("vectors", args, smokeSize: 1_000, "m", "ef-construction", "ef", "threads", "builds");
        if (options is null) return 2;
        var (m, efConstruction) = (options.Int("m", StoreIndexes.Links), options.Int("ef-construction", StoreIndexes.BuildBreadth));
        var (ef, threads) = (options.Int("ef", FactCheckSearch.DefaultSearchBreadth), options.Int("threads", Environment.ProcessorCount));
        var started = DateTimeOffset.Now;
        var machine = MachineLine.Current();
        PythonPeer.EnsureInstalled("import faiss, hnswlib", "python3-faiss", "libopenblas0-pthread", "python3-hnswlib");

        var clock = Stopwatch.StartNew();
        var corpus = options.Store is { } db
            ? SearchCorpus.FromStore(db, options.Data, null)
            : SearchCorpus.Make(options.Data, options.Size, options.Smoke ? 500 : null, options.Smoke ? 50 : null, vectors: true);
        var queries = corpus.EncodeQueries();
        var (rows, labels) = Rows(corpus);
        Console.WriteLine(Invariant($"{corpus.Description}; {labels.Length:N0} vectors, {queries.Length} queries, ready in {clock.Elapsed.TotalSeconds:0.0} s, load {Load()}"));

        var folder = Directory.CreateTempSubdirectory("factdesk-vectors-");
        try
        {
            Export(folder.FullName, rows, labels, queries);
            using var peer = PythonPeer.Start("vectors", folder.FullName, Invariant($"{m}"), Invariant($"{efConstruction}"), Invariant($"{ef}"), Invariant($"{threads}"));
            var series = new RunSeries();

            // Builds, --builds times each, taking turns (the last index of each is searched); memory from the first
            // build only, as a rebuild replaces an index of the same size.
            var builds = options.Smoke ? 1 : options.Int("builds", 1);
            HnswIndex graph = null!;
            for (var build = 0; build < builds; build++)
            {
                var before = GC.GetTotalMemory(forceFullCollection: true);
                clock.Restart();
                graph = new HnswIndex(SentenceEncoder.Dimensions, m, efConstruction, capacity: labels.Length);
                const int Batch = 20_000;
                for (var start = 0; start < labels.Length; start += Batch)
                    graph.AddRange(Enumerable.Range(start, Math.Min(Batch, labels.Length - start)).Select(i => (labels[i], Row(rows, i))).ToList(), threads);
                series.Add(OursGraph, "build", "s", clock.Elapsed.TotalSeconds);
                if (build == 0) series.Add(OursGraph, "index memory", "MB", (GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6);
                Console.WriteLine(Invariant($"{OursGraph}: built in {clock.Elapsed.TotalSeconds:0.0} s, load {Load()}"));
                foreach (var (name, system) in (ReadOnlySpan<(string, string)>)[("faiss-flat", FaissFlat), ("faiss-hnsw", FaissHnsw), ("hnswlib", Hnswlib)])
                {
                    var (seconds, memory) = peer.Build(name);
                    series.Add(system, "build", "s", seconds);
                    if (build == 0) series.Add(system, "index memory", "MB", memory);
                    Console.WriteLine(Invariant($"{system}: built in {seconds:0.0} s, load {Load()}"));
                }
            }
            series.Add(OursExact, "index memory", "MB", rows.Length * sizeof(float) / 1e6);

            // The systems take turns in every pass; the first pass is the warm-up (JIT, caches) and is not kept.
            var passes = new Dictionary<string, Func<(double[], long[][])>>
            {
                [OursGraph] = () => Timed(queries, q => graph.Search(q, Top, ef).Select(h => h.Label).ToArray()),
                [FaissHnsw] = () => peer.Query("faiss-hnsw"),
                [Hnswlib] = () => peer.Query("hnswlib"),
                [OursExact] = () => Timed(queries, q => ExactTop(rows, labels, q)),
                [FaissFlat] = () => peer.Query("faiss-flat"),
            };
            var found = series.Passes(options.Runs, passes);
            var exact = found[OursExact].Select(t => (IReadOnlyCollection<long>)t).ToList();
            foreach (var system in (string[])[OursGraph, FaissHnsw, Hnswlib, FaissFlat])
                series.Add(system, "recall@10", "ratio", Overlap(found[system].Select(t => (IReadOnlyCollection<long>)t).ToList(), exact));

            var measurements = series.Measurements([(OursGraph, FaissHnsw), (OursGraph, Hnswlib), (OursExact, FaissFlat)]);
            Print(measurements);
            var notes = new List<string>
            {
                Invariant($"{corpus.Description}: {labels.Length:N0} vectors of {SentenceEncoder.Dimensions} dimensions (claim and title rows), the same rows for every system"),
                Invariant($"{queries.Length} queries: the CheckThat! 2020 dev tweets, encoded with all-MiniLM-L6-v2; one query at a time on one thread"),
                Invariant($"graphs: M {m}, efConstruction {efConstruction}, search beam (efSearch, ef) {ef}; builds on {threads} threads; ours stores int8 codes, FAISS and hnswlib float32"),
                Invariant($"each index built {builds} time(s), the systems taking turns (memory from the first build); query figures: {options.Runs} timed passes after a warm-up pass, systems taking turns in each"),
                "recall@10: share of the exact scan's 10 best fact-checks (better of claim and title cosine, float32) found; peers ask for 20 rows and keep the first 10 distinct fact-checks",
                "memory: growth of managed memory for ours, of the resident set of the Python peer for FAISS and hnswlib; the exact scan's is its float32 matrix",
                $"peers: /usr/bin/python3 with Debian's packages {peer.Versions.GetRawText()}, OpenBLAS one thread",
                Invariant($"load average {machine.LoadAverage} at the start, {Load()} at the end"),
            };
            if (options.Smoke) notes.Add("smoke run: tiny sizes, one run; not a measurement");
            options.Save(new BenchResult("vector-search", "Factdesk.Bench vectors " + string.Join(' ', args), machine, started, measurements, notes));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // All claim and title vectors in one contiguous matrix (what the exact scan reads), with each row's fact-check.
    private static (float[] Rows, long[] Labels) Rows(SearchCorpus corpus)
    {
        var labels = new long[corpus.VectorCount];
        var rows = new float[labels.Length * SentenceEncoder.Dimensions];
        var row = 0;
        foreach (var document in corpus.Documents)
        {
            foreach (var vector in document.TitleVector is { } title ? [document.ClaimVector!, title] : new[] { document.ClaimVector! })
            {
                vector.CopyTo(rows, row * SentenceEncoder.Dimensions);
                labels[row++] = document.Label;
            }
        }
        return (rows, labels);
    }

    private static float[] Row(float[] rows, int i) => rows.AsSpan(i * SentenceEncoder.Dimensions, SentenceEncoder.Dimensions).ToArray();

    private static void Export(string folder, float[] rows, long[] labels, float[][] queries)
    {
        File.WriteAllBytes(Path.Combine(folder, "vectors.f32"), MemoryMarshal.AsBytes(rows.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "labels.i64"), MemoryMarshal.AsBytes(labels.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "queries.f32"), MemoryMarshal.AsBytes(queries.SelectMany(q => q).ToArray().AsSpan()).ToArray());
    }

    // The exact scan: every row's cosine in float32, per fact-check the better of its rows (a fact-check's rows are
    // adjacent), the 10 best kept in a small heap.
    private static long[] ExactTop(float[] rows, long[] labels, float[] query)
    {
        var best = new PriorityQueue<long, float>(Top + 1);
        var dimensions = SentenceEncoder.Dimensions;
        for (var i = 0; i < labels.Length;)
        {
            var label = labels[i];
            var score = float.MinValue;
            for (; i < labels.Length && labels[i] == label; i++)
                score = Math.Max(score, TensorPrimitives.Dot(query, rows.AsSpan(i * dimensions, dimensions)));
            if (best.Count < Top) best.Enqueue(label, score);
            else best.EnqueueDequeue(label, score);
        }
        var top = new long[best.Count];
        for (var i = top.Length - 1; i >= 0; i--) top[i] = best.Dequeue();
        return top;
    }
}
