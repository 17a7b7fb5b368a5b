using System.Globalization;
using Factdesk.Storage;

namespace Factdesk.Matching;

/// <summary>
/// Hybrid search over a fact-check store, scored exactly as <see cref="ClaimMatcher"/> scores: BM25 candidates
/// from the store's full-text index, vector candidates from an exact scan of the stored embeddings (loaded once,
/// on the first search), then <see cref="HybridScoring"/>. Hits carry the stored id as their entry id.
/// </summary>
public sealed class FactCheckSearch(IFactCheckStore store, SentenceEncoder encoder)
{
    /// <summary>
    /// A query's first this-many distinct search terms go to BM25. Claims have far fewer; the cap keeps a pasted
    /// article (or a 100,000-character line) a bounded full-text query. The encoder reads only the first 128 tokens.
    /// </summary>
    public const int MaxQueryTerms = 64;

    private Loaded? _loaded;

    public IFactCheckStore Store => store;

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
        var loaded = _loaded ??= Load(store);
        var candidates = new Dictionary<int, double>();
        foreach (var (id, score) in store.SearchText(terms, HybridScoring.CandidatesPerRetriever))
        {
            // A fact-check stored after the vectors were loaded is left for the next search object.
            if (loaded.Positions.TryGetValue(id, out var position)) candidates[position] = score;
        }
        foreach (var position in HybridScoring.NearestByVector(queryVector, loaded.Claims, loaded.Titles, HybridScoring.CandidatesPerRetriever))
            candidates.TryAdd(position, 0);
        return HybridScoring.Rank(
            candidates.Select(c => new MatchCandidate(loaded.Entries[c.Key], loaded.Claims[c.Key], loaded.Titles[c.Key], c.Value)),
            queryVector, top, weights ?? ClaimMatcher.Weights.Default);
    }

    /// <summary>The stored id of a hit this search returned.</summary>
    public static long IdOf(FactCheckHit hit) => long.Parse(hit.Entry.Id, CultureInfo.InvariantCulture);

    private static Loaded Load(IFactCheckStore store)
    {
        var vectors = store.Vectors();
        var positions = new Dictionary<long, int>(vectors.Count);
        for (var i = 0; i < vectors.Count; i++) positions[vectors[i].Id] = i;
        return new Loaded(
            vectors.Select(v => new FactCheckEntry(v.Id.ToString(CultureInfo.InvariantCulture), v.Claim, v.Title)).ToArray(),
            vectors.Select(v => v.Embedding).ToArray(),
            vectors.Select(v => v.TitleEmbedding).ToArray(),
            positions);
    }

    private sealed record Loaded(FactCheckEntry[] Entries, float[][] Claims, float[]?[] Titles, Dictionary<long, int> Positions);
}
