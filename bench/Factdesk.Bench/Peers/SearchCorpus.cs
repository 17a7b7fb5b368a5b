using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Bench.Peers;

/// <summary>One fact-check as every engine of the peer benchmarks sees it; labels rise from 1 in corpus order.</summary>
internal sealed record CorpusDocument(long Label, string Claim, string? Title, float[]? ClaimVector = null, float[]? TitleVector = null)
{
    /// <summary>The text the BM25 engines index: claim and title together, as the store's BM25 postings do.</summary>
    public string Text => Title is null ? Claim : Claim + " " + Title;
}

/// <summary>A query and the labels of its relevant fact-checks (empty when the query is not judged).</summary>
internal sealed record CorpusQuery(string Id, string Text, IReadOnlySet<long> Gold);

/// <summary>
/// The documents and queries the peer benchmarks give every engine, made by the bench itself: the CheckThat! 2020
/// vclaims as they are, then up to the size wanted made-up fact-checks built from them as `generate` builds them
/// (the start of one claim and the end of another; vectors 0.8 × one seed's + 0.2 × another's + noise), and the
/// CheckThat! 2020 dev queries with their qrels. Or the fact-checks of an existing store, in id order.
/// </summary>
internal sealed class SearchCorpus
{
    public const string DefaultData = "../shared/datasets/clef2020-checkthat-task2/v3.0";

    private SearchCorpus(IReadOnlyList<CorpusDocument> documents, IReadOnlyList<CorpusQuery> queries, string description)
    {
        Documents = documents;
        Queries = queries;
        Description = description;
    }

    public IReadOnlyList<CorpusDocument> Documents { get; }

    public IReadOnlyList<CorpusQuery> Queries { get; }

    /// <summary>A line for the notes of the result file: what the documents are.</summary>
    public string Description { get; }

    /// <summary>The number of vectors (claim and title rows) the documents hold.</summary>
    public int VectorCount => Documents.Sum(d => d.TitleVector is null ? 1 : 2);

    /// <summary>
    /// <paramref name="size"/> fact-checks: the first <paramref name="seedLimit"/> vclaims (all when null) and made-up
    /// ones after them. With <paramref name="vectors"/> every document gets its claim and title vectors (the seed's
    /// encoded through the embedding cache, so a second run encodes nothing).
    /// </summary>
    public static SearchCorpus Make(string data, int size, int? seedLimit, int? queryLimit, bool vectors)
    {
        var benchmark = Read(data);
        var seed = benchmark.Collection.Take(seedLimit ?? int.MaxValue).ToList();
        float[][]? claimVectors = null, titleVectors = null;
        if (vectors)
        {
            using var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount);
            // The same text lists as `generate` and `eval match`, so their cache entries are used for the full set.
            claimVectors = EmbeddingCache.EncodeCached(encoder, seed.Select(e => e.Claim).ToArray());
            titleVectors = EmbeddingCache.EncodeCached(encoder, seed.Select(e => e.Title ?? "").ToArray());
        }
        var documents = new List<CorpusDocument>(size);
        var labelOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var random = new Random(2026);
        for (var n = 0; n < size; n++)
        {
            var label = n + 1L;
            if (n < seed.Count)
            {
                var e = seed[n];
                labelOf[e.Id] = label;
                documents.Add(new CorpusDocument(label, e.Claim, e.Title, claimVectors?[n], e.Title is null ? null : titleVectors?[n]));
                continue;
            }
            var (a, b) = (random.Next(seed.Count), random.Next(seed.Count));
            var claim = StoreGeneration.Join(seed[a].Claim, seed[b].Claim, random);
            var title = seed[b].Title is { } tb && seed[a].Title is { } ta ? StoreGeneration.Join(tb, ta, random) : null;
            documents.Add(new CorpusDocument(label, claim, title,
                claimVectors is null ? null : StoreGeneration.Blend(claimVectors[a], claimVectors[b], random),
                title is null || titleVectors is null ? null : StoreGeneration.Blend(titleVectors[b], titleVectors[a], random)));
        }
        var made = Math.Max(0, size - seed.Count);
        return new SearchCorpus(documents, QueriesOf(benchmark, labelOf, queryLimit),
            Invariant($"{documents.Count:N0} fact-checks: {documents.Count - made:N0} CheckThat! 2020 vclaims and {made:N0} made up from them as `generate` makes them"));
    }

    /// <summary>Every fact-check of an existing store (with its vectors), and the queries; gold from keys clef2020:ID.</summary>
    public static SearchCorpus FromStore(string database, string data, int? queryLimit)
    {
        var benchmark = Read(data);
        using var store = StoreFactory.OpenFactChecks(database);
        var labelOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var stored in store.All())
            if (stored.FactCheck.SourceKey.StartsWith("clef2020:", StringComparison.Ordinal))
                labelOf[stored.FactCheck.SourceKey["clef2020:".Length..]] = stored.Id;
        var documents = store.VectorsAfter(0).Select(r => new CorpusDocument(r.Id, r.Claim, r.Title, r.Embedding, r.TitleEmbedding)).ToList();
        return new SearchCorpus(documents, QueriesOf(benchmark, labelOf, queryLimit),
            Invariant($"{documents.Count:N0} fact-checks of the store {Path.GetFileName(database)}"));
    }

    /// <summary>The query vectors, through the embedding cache.</summary>
    public float[][] EncodeQueries()
    {
        using var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount);
        return EmbeddingCache.EncodeCached(encoder, Queries.Select(q => q.Text).ToArray());
    }

    private static RetrievalBenchmark Read(string data)
    {
        string File(string name) => System.IO.File.Exists(Path.Combine(data, name))
            ? Path.Combine(data, name)
            : throw new FileNotFoundException($"{Path.Combine(data, name)}: not found (the CheckThat! 2020 task 2 files; --data DIR)");
        return CheckThatRetrieval.Read2020(File("verified_claims.docs.tsv"), File("dev/tweets.queries.tsv"), File("dev/tweet-vclaim-pairs.qrels"));
    }

    private static List<CorpusQuery> QueriesOf(RetrievalBenchmark benchmark, Dictionary<string, long> labelOf, int? limit) =>
        benchmark.Queries.Take(limit ?? int.MaxValue).Select(q => new CorpusQuery(q.Id, q.Text,
            benchmark.Relevant.GetValueOrDefault(q.Id)?.Where(labelOf.ContainsKey).Select(id => labelOf[id]).ToHashSet() ?? [])).ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
