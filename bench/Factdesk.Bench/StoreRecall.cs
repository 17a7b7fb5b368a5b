using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// `recall DB QUERIES [EXPORT_DIR]`: how much of the exact vector scan the HNSW index finds (and an exact scan of its
/// int8 vectors, for the first 50 queries), for the queries of a
/// CheckThat! queries TSV (all of them, judged or not). The exact answer is the old retriever's: per fact-check the
/// better of claim and title cosine, in float32, over every stored vector. Reports recall@10 and recall@100 (the
/// hybrid search takes 100 vector candidates) and the index's latency for several beam widths. With EXPORT_DIR it
/// also writes the same vectors for bench/faiss_compare.py: vectors.f32 (one row per claim or title), labels.i64
/// (the fact-check of each row), queries.f32, and ours.i64 (our top 10 per query at the default beam).
/// </summary>
internal static class StoreRecall
{
    private const int Deep = 100;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench recall DB QUERIES.tsv [EXPORT_DIR [--export-only]]");
            return 2;
        }
        var texts = Tsv.Read(args[1]).Skip(1).Where(r => r.Length >= 2).Select(r => r[1]).ToList();
        using var store = SqliteFactCheckStore.Open(args[0]);
        float[][] queries;
        using (var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount))
            queries = encoder.Encode(texts);
        var export = args.Length > 2 ? args[2] : null;
        if (export is not null) Directory.CreateDirectory(export);

        // One pass over the store for all queries at once; a per-query heap of the best Deep fact-checks.
        var clock = Stopwatch.StartNew();
        var best = queries.Select(_ => new PriorityQueue<long, float>()).ToArray();
        var allIds = new List<long>();
        using (var vectorsOut = export is null ? null : new BufferedStream(File.Create(Path.Combine(export, "vectors.f32")), 1 << 20))
        using (var labelsOut = export is null ? null : new BufferedStream(File.Create(Path.Combine(export, "labels.i64")), 1 << 20))
        {
            foreach (var row in store.VectorsAfter(0))
            {
                allIds.Add(row.Id);
                for (var q = 0; q < queries.Length; q++)
                {
                    var cosine = TensorPrimitives.Dot(queries[q], row.Embedding);
                    if (row.TitleEmbedding is { } title) cosine = Math.Max(cosine, TensorPrimitives.Dot(queries[q], title));
                    if (best[q].Count < Deep) best[q].Enqueue(row.Id, cosine);
                    else if (best[q].TryPeek(out _, out var worst) && cosine > worst) best[q].EnqueueDequeue(row.Id, cosine);
                }
                if (vectorsOut is null) continue;
                foreach (var vector in row.TitleEmbedding is { } t ? [row.Embedding, t] : new[] { row.Embedding })
                {
                    vectorsOut.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                    labelsOut!.Write(BitConverter.GetBytes(row.Id));
                }
            }
        }
        var exact = best.Select(h =>
        {
            var ids = new List<long>(h.Count);
            while (h.Count > 0) ids.Add(h.Dequeue());
            ids.Reverse();
            return ids;
        }).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact float32 scan of {store.Count()} fact-checks for {queries.Length} queries: {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalMilliseconds / queries.Length:0.0} ms per query, one pass for all)"));

        if (export is not null && args.Contains("--export-only"))
        {
            // For `hnsw DIR ...` and FAISS: the vectors and queries only, without opening (or building) the store's index.
            WriteQueries(export, queries);
            Console.WriteLine($"exported to {export}");
            return 0;
        }
        var search = new FactCheckSearch(store, null!);
        clock.Restart();
        search.Open();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index opened in {clock.Elapsed.TotalMilliseconds:0} ms"));
        // How much is lost to int8 rounding alone: an exact scan of the index's own int8 vectors, for some queries.
        var sample = Math.Min(50, queries.Length);
        double int8At10 = 0, int8At100 = 0;
        var indexes = StoreIndexes.Open(store);
        for (var q = 0; q < sample; q++)
        {
            var similarities = indexes.Vectors.Similarities(queries[q], allIds);
            var ranked = Enumerable.Range(0, allIds.Count).OrderByDescending(i => similarities[i].DefaultIfEmpty(float.MinValue).Max())
                .Take(Deep).Select(i => allIds[i]).ToList();
            int8At10 += ranked.Take(10).Intersect(exact[q].Take(10)).Count() / 10.0;
            int8At100 += ranked.Intersect(exact[q]).Count() / (double)exact[q].Count;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact int8 scan, first {sample} queries: recall@10 {int8At10 / sample:0.000}, recall@100 {int8At100 / sample:0.000}"));
        Console.WriteLine("beam | recall@10 | recall@100 | p50 ms | p99 ms");
        foreach (var beam in (int[])[100, 128, 192, 256, 384, 512, FactCheckSearch.DefaultSearchBreadth, 1024])
        {
            var probe = new FactCheckSearch(store, null!) { SearchBreadth = beam };
            probe.Open();
            double at10 = 0, at100 = 0;
            var latencies = new List<double>();
            for (var q = 0; q < queries.Length; q++)
            {
                clock.Restart();
                var found = probe.NearestByVector(queries[q], Deep).Select(h => h.Id).ToList();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                at10 += found.Take(10).Intersect(exact[q].Take(10)).Count() / 10.0;
                at100 += found.Intersect(exact[q]).Count() / (double)exact[q].Count;
            }
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{beam} | {at10 / queries.Length:0.000} | {at100 / queries.Length:0.000} | {latencies[latencies.Count / 2]:0.00} | {latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1]:0.00}"));
        }
        if (export is not null)
        {
            WriteQueries(export, queries);
            using var oursOut = File.Create(Path.Combine(export, "ours.i64"));
            foreach (var q in queries)
            {
                var found = search.NearestByVector(q, 10).Select(h => h.Id).ToList();
                while (found.Count < 10) found.Add(-1);
                foreach (var id in found) oursOut.Write(BitConverter.GetBytes(id));
            }
            Console.WriteLine($"exported to {export}");
        }
        return 0;
    }

    private static void WriteQueries(string folder, float[][] queries)
    {
        using var output = File.Create(Path.Combine(folder, "queries.f32"));
        foreach (var q in queries) output.Write(MemoryMarshal.AsBytes(q.AsSpan()));
    }
}
