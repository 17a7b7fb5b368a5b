using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Factdesk.Matching;
using Factdesk.Retrieval;

namespace Factdesk.Bench;

/// <summary>
/// `hnsw DIR M EF_CONSTRUCTION THREADS [--load FILE | --save FILE]`: builds an <see cref="HnswIndex"/> straight from
/// the vectors `recall DB QUERIES DIR` exported (no store, no SQLite), so graph settings can be tried on exactly the
/// vectors FAISS gets; with --load it reads a saved index instead (a store's DB.hnsw, built from the same rows in the
/// same order), with --save it keeps the one it built. Reports the build rate, then recall@10 and recall@100 of
/// fact-checks against the exact float32 scan (computed once and kept in DIR/exact.i64) and the index's per-query
/// latency for several beams, and writes our top 10 at the default beam to DIR/ours.i64 for bench/faiss_compare.py.
/// "rescored" is what the hybrid search makes of the index's 100 candidates: ordered again by their float32 vectors
/// (here from memory; the search reads them from the store), so int8 rounding no longer decides the top 10 and only
/// the graph's misses remain; "10@100" is the share of the exact top 10 among the 100 candidates, its ceiling.
/// </summary>
internal static class IndexTuning
{
    private const int Dimensions = 384;
    private const int Deep = 100;

    public static int Run(string[] args)
    {
        if (args.Length < 4 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench hnsw EXPORT_DIR M EF_CONSTRUCTION THREADS [--load FILE | --save FILE]");
            return 2;
        }
        var (folder, m, efConstruction, threads) = (args[0], Int(args[1]), Int(args[2]), Int(args[3]));
        var options = args.Skip(4).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var vectors = ReadRows(Path.Combine(folder, "vectors.f32"));
        var labels = MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(Path.Combine(folder, "labels.i64"))).ToArray();
        var queries = ReadRows(Path.Combine(folder, "queries.f32"));
        Console.WriteLine(Invariant($"{vectors.Length} vectors, {queries.Length} queries, load {Load()}"));
        var exact = Exact(folder, vectors, labels, queries);

        var clock = Stopwatch.StartNew();
        HnswIndex index;
        if (options.TryGetValue("--load", out var saved))
        {
            using (var file = File.OpenRead(saved)) index = HnswIndex.Load(file);
            Console.WriteLine(Invariant($"loaded {saved} in {clock.Elapsed.TotalSeconds:0.0} s: {index.Count} vectors, load {Load()}"));
            if (index.Count != vectors.Length) throw new InvalidDataException($"{saved} holds {index.Count} vectors, the export {vectors.Length}");
        }
        else
        {
            index = new HnswIndex(Dimensions, m, efConstruction, capacity: vectors.Length);
            const int Batch = 20_000;
            for (var start = 0; start < vectors.Length; start += Batch)
            {
                var end = Math.Min(vectors.Length, start + Batch);
                index.AddRange(Enumerable.Range(start, end - start).Select(i => (labels[i], vectors[i])).ToList(), threads);
                if (end % 200_000 == 0) Console.WriteLine(Invariant($"  {end} linked, {end / clock.Elapsed.TotalSeconds:0} vectors/s, load {Load()}"));
            }
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"M {m} efConstruction {efConstruction}: built in {seconds:0.0} s, {vectors.Length / seconds:0} vectors/s on {threads} threads, load {Load()}"));
            if (options.TryGetValue("--save", out var target))
                using (var file = File.Create(target)) index.Save(file);
        }
        Console.WriteLine(Invariant($"{index.ReachableCount()} of {index.Count} vectors reachable from the entry point"));

        Console.WriteLine("beam | recall@10 | recall@100 | p50 ms | p99 ms | rescored recall@10 | 10@100");
        foreach (var beam in (int[])[64, 100, 128, 192, 256, 384, 512, 768, 1024])
        {
            double at10 = 0, at100 = 0, rescored = 0, within = 0;
            var latencies = new List<double>();
            foreach (var (query, q) in queries.Select((v, i) => (v, i)))
            {
                clock.Restart();
                var found = index.Search(query, Deep, beam).Select(h => h.Label).ToList();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                var truth = exact[q].Take(10).ToList();
                at10 += found.Take(10).Intersect(truth).Count() / 10.0;
                at100 += found.Intersect(exact[q]).Count() / (double)exact[q].Length;
                within += found.Intersect(truth).Count() / 10.0;
                rescored += Rescored(found, query, vectors, labels).Intersect(truth).Count() / 10.0;
            }
            latencies.Sort();
            Console.WriteLine(Invariant($"{beam} | {at10 / queries.Length:0.000} | {at100 / queries.Length:0.000} | {latencies[latencies.Count / 2]:0.00} | {latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1]:0.00} | {rescored / queries.Length:0.000} | {within / queries.Length:0.000}"));
        }
        using (var ours = File.Create(Path.Combine(folder, "ours.i64")))
            foreach (var query in queries)
            {
                var found = index.Search(query, 10, FactCheckSearch.DefaultSearchBreadth).Select(h => h.Label).ToList();
                while (found.Count < 10) found.Add(-1);
                foreach (var id in found) ours.Write(BitConverter.GetBytes(id));
            }
        Console.WriteLine(Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB, load {Load()}"));
        return 0;
    }

    // The ten of the candidates whose best float32 row is nearest the query, as the hybrid search re-scores them.
    private static IEnumerable<long> Rescored(List<long> found, float[] query, float[][] vectors, long[] labels) =>
        found.Select(label =>
        {
            var row = Array.BinarySearch(labels, label);
            while (row > 0 && labels[row - 1] == label) row--;
            var best = float.MinValue;
            for (; row < labels.Length && labels[row] == label; row++) best = Math.Max(best, TensorPrimitives.Dot(query, vectors[row]));
            return (label, best);
        }).OrderByDescending(c => c.best).Take(10).Select(c => c.label);

    // Per query the Deep best fact-checks (the better of a fact-check's rows), by brute force on all cores. Rows come
    // grouped by label, so a query needs one running best and a heap, not a map of every label (a million per query).
    private static long[][] Exact(string folder, float[][] vectors, long[] labels, float[][] queries)
    {
        var file = Path.Combine(folder, "exact.i64");
        if (File.Exists(file))
            return MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(file)).ToArray().Chunk(Deep).ToArray();
        var clock = Stopwatch.StartNew();
        var exact = new long[queries.Length][];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, q =>
        {
            var best = new PriorityQueue<long, float>(Deep + 1);
            void Offer(long label, float cosine)
            {
                if (best.Count < Deep) best.Enqueue(label, cosine);
                else if (best.TryPeek(out _, out var worst) && cosine > worst) best.EnqueueDequeue(label, cosine);
            }
            var (current, top) = (labels[0], float.MinValue);
            for (var i = 0; i < vectors.Length; i++)
            {
                if (labels[i] != current)
                {
                    Offer(current, top);
                    (current, top) = (labels[i], float.MinValue);
                }
                top = Math.Max(top, TensorPrimitives.Dot(queries[q], vectors[i]));
            }
            Offer(current, top);
            var ids = new List<long>(Deep);
            while (best.Count > 0) ids.Add(best.Dequeue());
            ids.Reverse();
            exact[q] = [.. ids];
        });
        Console.WriteLine(Invariant($"exact float32 scan: {clock.Elapsed.TotalSeconds:0.0} s for all queries"));
        File.WriteAllBytes(file, MemoryMarshal.AsBytes(exact.SelectMany(e => e).ToArray().AsSpan()).ToArray());
        return exact;
    }

    // Row by row: a 1M store's export (3 GB) is more than one array may hold.
    private static float[][] ReadRows(string path)
    {
        using var input = new BufferedStream(File.OpenRead(path), 1 << 20);
        var rows = new float[input.Length / (Dimensions * sizeof(float))][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new float[Dimensions];
            input.ReadExactly(MemoryMarshal.AsBytes(rows[i].AsSpan()));
        }
        return rows;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
