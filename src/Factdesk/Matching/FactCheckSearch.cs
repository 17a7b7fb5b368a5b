using System.Globalization;
using Factdesk.Retrieval;
using Factdesk.Storage;

namespace Factdesk.Matching;

/// <summary>
/// Hybrid search over a fact-check store, scored exactly as <see cref="ClaimMatcher"/> scores: BM25 candidates and
/// vector candidates from the store's <see cref="StoreIndexes"/> (opened on the first search), then
/// <see cref="HybridScoring"/> on the candidates' float32 vectors read back from the store. Only the two indexes stay
/// in memory, not the texts or float32 vectors. Hits carry the stored id as their entry id.
/// </summary>
public sealed class FactCheckSearch(IFactCheckStore store, SentenceEncoder encoder)
{
    /// <summary>
    /// A query's first this-many distinct search terms go to BM25. Claims have far fewer; the cap keeps a pasted
    /// article (or a 100,000-character line) a bounded full-text query. The encoder reads only the first 128 tokens.
    /// </summary>
    public const int MaxQueryTerms = 64;

    /// <summary>
    /// The HNSW beam width for the vector candidates. A fact-check can take two places in the beam (claim and title),
    /// so it is well above the 100 candidates wanted; see docs/BENCHMARKS.md for recall against the exact scan.
    /// </summary>
    public const int DefaultSearchBreadth = 256;

    // Int8 rounding moves a cosine by about 0.002 and the hybrid score by less; a candidate whose approximate score is
    // this far below the last of the top list cannot overtake it once scored exactly.
    private const double RescoreMargin = 0.03;

    private StoreIndexes? _indexes;

    public IFactCheckStore Store => store;

    public int SearchBreadth { get; init; } = DefaultSearchBreadth;

    /// <summary>Opens (and if needed builds or brings up to date) the search indexes now rather than on the first search.</summary>
    public void Open() => _indexes ??= StoreIndexes.Open(store);

    /// <summary>
    /// The best <paramref name="top"/> fact-checks for <paramref name="query"/>, best first. A query without a word
    /// or number (only punctuation, or empty) matches nothing.
    /// </summary>
    public IReadOnlyList<FactCheckHit> Search(string query, int top = 10, ClaimMatcher.Weights? weights = null) =>
        SearchTerms.Of(query).Count == 0 ? [] : Search(query, encoder.Encode(query), top, weights);

    /// <summary>The same search with the query's vector already computed.</summary>
    public IReadOnlyList<FactCheckHit> Search(string query, float[] queryVector, int top = 10, ClaimMatcher.Weights? weights = null)
    {
        var terms = SearchTerms.Of(query).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0 || top <= 0) return [];
        Open();
        var candidates = new Dictionary<long, double>();
        foreach (var (id, score) in NearestByTerms(terms))
            candidates[id] = score;
        foreach (var (id, _) in NearestByVector(queryVector))
            candidates.TryAdd(id, 0);
        if (candidates.Count == 0) return [];
        weights ??= ClaimMatcher.Weights.Default;
        var maxBm25 = candidates.Values.Max();

        // First with the index's int8 cosines, then again with the stored float32 vectors for those that can still
        // reach the top: only a few dozen rows are read back instead of every candidate's.
        var ids = candidates.Keys.ToList();
        var approximate = _indexes!.Vectors.Similarities(queryVector, ids);
        var scored = ids.Select((id, i) =>
        {
            var claim = approximate[i].Length > 0 ? approximate[i][0] : 0;
            var title = approximate[i].Length > 1 ? approximate[i][1] : claim;
            return (Id: id, Score: HybridScoring.Score(claim, title, maxBm25 > 0 ? candidates[id] / maxBm25 : 0, weights));
        }).OrderByDescending(c => c.Score).ToList();
        var cutoff = scored[Math.Min(top, scored.Count) - 1].Score - RescoreMargin;
        var contenders = scored.TakeWhile((c, i) => i < top || c.Score >= cutoff).Select(c => c.Id).ToList();
        return HybridScoring.Rank(
            store.VectorsOf(contenders).Select(v => new MatchCandidate(
                new FactCheckEntry(v.Id.ToString(CultureInfo.InvariantCulture), v.Claim, v.Title), v.Embedding, v.TitleEmbedding, candidates[v.Id])),
            queryVector, top, weights, maxBm25);
    }

    /// <summary>The BM25 retriever alone, on the query's distinct <see cref="SearchTerms"/>.</summary>
    public IReadOnlyList<(long Id, double Score)> NearestByTerms(IReadOnlyList<string> terms, int top = HybridScoring.CandidatesPerRetriever) =>
        (_indexes ??= StoreIndexes.Open(store)).Terms.Search(terms, top);

    /// <summary>The vector retriever alone: the fact-checks whose claim or title is nearest, by the index's int8 cosine.</summary>
    public IReadOnlyList<(long Id, float Similarity)> NearestByVector(float[] queryVector, int top = HybridScoring.CandidatesPerRetriever) =>
        (_indexes ??= StoreIndexes.Open(store)).Vectors.Search(queryVector, top, Math.Max(SearchBreadth, top));

    /// <summary>The stored id of a hit this search returned.</summary>
    public static long IdOf(FactCheckHit hit) => long.Parse(hit.Entry.Id, CultureInfo.InvariantCulture);
}
