using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Factdesk.Retrieval;

namespace Factdesk.Bench;

/// <summary>
/// `hnsw DIR M EF_CONSTRUCTION THREADS`: builds an <see cref="HnswIndex"/> straight from the vectors `recall DB QUERIES
/// DIR` exported (no store, no SQLite), so graph settings can be tried on exactly the vectors FAISS gets. Reports the
/// build rate, then recall@10 and recall@100 of fact-checks against the exact float32 scan (computed once and kept in
/// DIR/exact.i64) and the index's per-query latency for several beams, and writes our top 10 at beam 256 to
/// DIR/ours.i64 for bench/faiss_compare.py.
/// </summary>
internal static class IndexTuning
{
    private const int Dimensions = 384;
    private const int Deep = 100;

    public static int Run(string[] args)
    {
        if (args.Length < 4 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench hnsw EXPORT_DIR M EF_CONSTRUCTION THREADS");
            return 2;
        }
        var (folder, m, efConstruction, threads) = (args[0], Int(args[1]), Int(args[2]), Int(args[3]));
        var vectors = ReadRows(Path.Combine(folder, "vectors.f32"));
        var labels = MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(Path.Combine(folder, "labels.i64"))).ToArray();
        var queries = ReadRows(Path.Combine(folder, "queries.f32"));
        Console.WriteLine(Invariant($"{vectors.Length} vectors, {queries.Length} queries, load {Load()}"));
        var exact = Exact(folder, vectors, labels, queries);

        var clock = Stopwatch.StartNew();
        var index = new HnswIndex(Dimensions, m, efConstruction, capacity: vectors.Length);
        const int Batch = 20_000;
        for (var start = 0; start < vectors.Length; start += Batch)
        {
            var end = Math.Min(vectors.Length, start + Batch);
            index.AddRange(Enumerable.Range(start, end - start).Select(i => (labels[i], vectors[i])).ToList(), threads);
            if (end % 200_000 == 0) Console.WriteLine(Invariant($"  {end} linked, {end / clock.Elapsed.TotalSeconds:0} vectors/s, load {Load()}"));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"M {m} efConstruction {efConstruction}: built in {seconds:0.0} s, {vectors.Length / seconds:0} vectors/s on {threads} threads, load {Load()}; {index.ReachableCount()} of {index.Count} vectors reachable from the entry point"));

        Console.WriteLine("beam | recall@10 | recall@100 | p50 ms | p99 ms");
        foreach (var beam in (int[])[64, 100, 128, 192, 256, 384, 512])
        {
            double at10 = 0, at100 = 0;
            var latencies = new List<double>();
            foreach (var (query, q) in queries.Select((v, i) => (v, i)))
            {
                clock.Restart();
                var found = index.Search(query, Deep, beam).Select(h => h.Label).ToList();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                at10 += found.Take(10).Intersect(exact[q].Take(10)).Count() / 10.0;
                at100 += found.Intersect(exact[q]).Count() / (double)exact[q].Length;
            }
            latencies.Sort();
            Console.WriteLine(Invariant($"{beam} | {at10 / queries.Length:0.000} | {at100 / queries.Length:0.000} | {latencies[latencies.Count / 2]:0.00} | {latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1]:0.00}"));
        }
        using (var ours = File.Create(Path.Combine(folder, "ours.i64")))
            foreach (var query in queries)
            {
                var found = index.Search(query, 10, 256).Select(h => h.Label).ToList();
                while (found.Count < 10) found.Add(-1);
                foreach (var id in found) ours.Write(BitConverter.GetBytes(id));
            }
        Console.WriteLine(Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB, load {Load()}"));
        return 0;
    }

    // Per query the Deep best fact-checks (the better of a fact-check's rows), by brute force on all cores.
    private static long[][] Exact(string folder, float[][] vectors, long[] labels, float[][] queries)
    {
        var file = Path.Combine(folder, "exact.i64");
        if (File.Exists(file))
            return MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(file)).ToArray().Chunk(Deep).ToArray();
        var clock = Stopwatch.StartNew();
        var exact = new long[queries.Length][];
        Parallel.For(0, queries.Length, q =>
        {
            var best = new Dictionary<long, float>();
            for (var i = 0; i < vectors.Length; i++)
            {
                var cosine = TensorPrimitives.Dot(queries[q], vectors[i]);
                if (!best.TryGetValue(labels[i], out var known) || cosine > known) best[labels[i]] = cosine;
            }
            exact[q] = best.OrderByDescending(p => p.Value).Take(Deep).Select(p => p.Key).ToArray();
        });
        Console.WriteLine(Invariant($"exact float32 scan: {clock.Elapsed.TotalSeconds:0.0} s for all queries"));
        File.WriteAllBytes(file, MemoryMarshal.AsBytes(exact.SelectMany(e => e).ToArray().AsSpan()).ToArray());
        return exact;
    }

    private static float[][] ReadRows(string path)
    {
        var all = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path));
        var rows = new float[all.Length / Dimensions][];
        for (var i = 0; i < rows.Length; i++) rows[i] = all.Slice(i * Dimensions, Dimensions).ToArray();
        return rows;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
