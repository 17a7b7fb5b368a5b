using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// `generate N DB VCLAIMS QUERIES QRELS`: a fact-check store of N records for the scale measurements. The seed is the
/// CheckThat! 2020 collection, stored as it is (keys clef2020:ID, its real MiniLM vectors, so the dev queries keep
/// their answers); the rest are made from it. A made-up record joins the start of one seed claim to the end of another
/// (and their titles the other way round), with a made-up claimant, date and verdict. Encoding a million texts would
/// take hours on two cores, so its vectors are not encoded: they are 0.8 × the first seed's vector + 0.2 × the
/// second's + Gaussian noise, unit length again, which keeps them in the same regions of the space as real claims.
/// Reports the import rate (SQLite and FTS5), the time to build the vector index, and the file sizes.
/// </summary>
internal static class StoreGeneration
{
    private const int Batch = 10_000;

    // Per-dimension standard deviation of the noise: its norm is about 0.029 × √384 ≈ 0.57, so a made-up vector has
    // a cosine of about 0.8 with its first seed (measured and printed below).
    private const float Noise = 0.029f;

    private static readonly string[] Claimants =
        ["A. Senator", "The Governor", "A viral post", "A TV host", "The Minister", "A campaign ad", "A blogger", "The Mayor",
         "A press release", "An op-ed", "The Senator's office", "A Facebook page", "A chain e-mail", "A radio caller"];

    private static readonly string[] Verdicts = ["False", "Mostly False", "Half True", "Mostly True", "True", "Pants on Fire", "Misleading"];

    public static int Run(string[] args)
    {
        if (args.Length < 5 || !int.TryParse(args[0], out var total) || (!StoreFactory.IsPostgres(args[1]) && File.Exists(args[1])))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench generate N NEW.db|POSTGRES-CONNECTION-STRING verified_claims.docs.tsv tweets.queries.tsv qrels [--no-index]");
            return 2;
        }
        if (Generate(total, args[1], args[2], args[3], args[4]) is null) return 2;
        // --no-index leaves the index to a separate, separately timed `index` run.
        return args.Contains("--no-index") ? 0 : Index([args[1]]);
    }

    /// <summary>Fills an empty store with <paramref name="total"/> records (made from the first <paramref name="seedLimit"/> CLEF claims: a smoke run need not encode them all); the seconds spent inserting, null when the store was not empty.</summary>
    public static double? Generate(int total, string db, string vclaims, string queries, string qrels, int seedLimit = int.MaxValue)
    {
        var seed = CheckThatRetrieval.Read2020(vclaims, queries, qrels).Collection.Take(seedLimit).ToList();
        float[][] claimVectors, titleVectors;
        var clock = Stopwatch.StartNew();
        using (var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount))
        {
            // The same text lists as `factdesk eval match`, so the embedding cache it filled is used.
            claimVectors = EmbeddingCache.EncodeCached(encoder, seed.Select(e => e.Claim).ToArray());
            titleVectors = EmbeddingCache.EncodeCached(encoder, seed.Select(e => e.Title ?? "").ToArray());
        }
        Console.WriteLine(Invariant($"seed: {seed.Count} CLEF 2020 vclaims, vectors in {clock.Elapsed.TotalSeconds:0.0} s"));

        using (var store = StoreFactory.OpenFactChecks(db))
        {
            if (store.Count() > 0)
            {
                Console.Error.WriteLine("generate needs an empty store");
                return null;
            }
            var random = new Random(2026);
            var records = new List<FactCheckRecord>(Batch);
            double insertSeconds = 0, cosineSum = 0;
            var made = 0;
            for (var n = 0; n < total; n++)
            {
                if (n < seed.Count)
                {
                    var e = seed[n];
                    records.Add(new FactCheckRecord("clef2020:" + e.Id, e.Claim, e.Title, Embedding: claimVectors[n],
                        TitleEmbedding: e.Title is null ? null : titleVectors[n]));
                }
                else
                {
                    var (a, b) = (random.Next(seed.Count), random.Next(seed.Count));
                    var claim = Join(seed[a].Claim, seed[b].Claim, random);
                    var title = seed[b].Title is { } tb && seed[a].Title is { } ta ? Join(tb, ta, random) : null;
                    var vector = Blend(claimVectors[a], claimVectors[b], random);
                    cosineSum += TensorPrimitives.Dot(vector, claimVectors[a]);
                    made++;
                    records.Add(new FactCheckRecord(
                        "synthetic:" + n.ToString(CultureInfo.InvariantCulture), claim, title,
                        Claimant: Claimants[random.Next(Claimants.Length)],
                        ClaimDate: new DateOnly(2010, 1, 1).AddDays(random.Next(6000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Verdict: Verdicts[random.Next(Verdicts.Length)],
                        Url: "https://checks.example/" + n.ToString(CultureInfo.InvariantCulture),
                        Publisher: "Example Checks", Language: "en",
                        Embedding: vector, TitleEmbedding: title is null ? null : Blend(titleVectors[b], titleVectors[a], random)));
                }
                if (records.Count == Batch || n == total - 1)
                {
                    clock.Restart();
                    store.AddAll(records);
                    insertSeconds += clock.Elapsed.TotalSeconds;
                    records.Clear();
                    if ((n + 1) % 100_000 == 0) Console.WriteLine(Invariant($"  stored {n + 1}, {(n + 1) / insertSeconds:0} records/s"));
                }
            }
            Console.WriteLine(Invariant($"stored {store.Count()} fact-checks ({made} made up, mean cosine to their first seed {(made == 0 ? 1 : cosineSum / made):0.000}) in {insertSeconds:0.0} s: {store.Count() / insertSeconds:0} records/s (batches of {Batch}, one transaction each) into {(StoreFactory.IsPostgres(db) ? "PostgreSQL" : "SQLite")}"));
            return insertSeconds;
        }
    }

    /// <summary>`index DB`: builds (or brings up to date) a store's search indexes, timed, and reports the file sizes.</summary>
    public static int Index(string[] args)
    {
        if (args.Length < 1 || (!StoreFactory.IsPostgres(args[0]) && !File.Exists(args[0])))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench index DB|POSTGRES-CONNECTION-STRING");
            return 2;
        }
        using (var store = StoreFactory.OpenFactChecks(args[0]))
        {
            var clock = Stopwatch.StartNew();
            var indexes = StoreIndexes.Open(store, (done, all) =>
            {
                if (done % 100_000 == 0) Console.WriteLine(Invariant($"  indexed {done} of {all}, {done / clock.Elapsed.TotalSeconds:0} fact-checks/s"));
            });
            Console.WriteLine(Invariant($"search indexes: {indexes.Vectors.Count} vectors and the terms of {indexes.Terms.Count} fact-checks in {clock.Elapsed.TotalSeconds:0.0} s ({indexes.Vectors.Count / clock.Elapsed.TotalSeconds:0} vectors/s on {Environment.ProcessorCount} threads), saved"));
        }
        var db = args[0];
        if (!StoreFactory.IsPostgres(db))
            Console.WriteLine(Invariant($"files: {Size(db)} database, {Size(db + "-wal")} WAL, {Size(db + ".hnsw")} HNSW, {Size(db + ".bm25")} BM25"));
        Console.WriteLine(Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB"));
        return 0;
    }

    private static string Size(string path) => File.Exists(path) ? Invariant($"{new FileInfo(path).Length / 1e6:0.0} MB") : "no";

    // The first part (60 % of the words, at least one) of one text and the rest of another.
    internal static string Join(string first, string second, Random random)
    {
        var a = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = second.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cut = 0.5 + random.NextDouble() * 0.2;
        return string.Join(' ', a.Take(Math.Max(1, (int)(a.Length * cut))).Concat(b.Skip((int)(b.Length * cut))));
    }

    internal static float[] Blend(float[] first, float[] second, Random random)
    {
        var vector = new float[first.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            // Box-Muller: a standard normal from two uniforms.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = 0.8f * first[i] + 0.2f * second[i] + Noise * (float)gaussian;
        }
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
