using System.Numerics.Tensors;

namespace Factdesk.Matching;

/// <summary>
/// Hybrid search for earlier fact-checks of a claim: BM25 over claim and title words, and cosine similarity of
/// MiniLM embeddings against each claim and each title; the candidates of both are scored by a weighted sum.
/// The default weights were tuned on the CheckThat! 2020 training queries (see docs/BENCHMARKS.md).
/// </summary>
public sealed class ClaimMatcher
{
    /// <summary>Weights of claim cosine, title cosine and normalised BM25.</summary>
    public sealed record Weights(double ClaimCosine, double TitleCosine, double Bm25)
    {
        public static readonly Weights Default = new(0.6, 0.25, 0.15);
    }

    private readonly IReadOnlyList<FactCheckEntry> _entries;
    private readonly float[][] _claimVectors;
    private readonly float[]?[] _titleVectors;
    private readonly Bm25Index _bm25;
    private readonly Bm25Index _bm25Claims;
    private readonly Bm25Index _bm25Titles;
    private readonly TextProfile?[] _profiles;
    private readonly SentenceEncoder _encoder;
    private float[][]? _secondClaims;
    private float[]?[]? _secondTitles;

    public ClaimMatcher(IReadOnlyList<FactCheckEntry> entries, SentenceEncoder encoder, float[][]? claimVectors = null, float[]?[]? titleVectors = null)
    {
        _entries = entries;
        _encoder = encoder;
        _claimVectors = claimVectors ?? encoder.Encode(entries.Select(e => e.Claim).ToArray());
        _titleVectors = titleVectors ?? EncodeTitles(entries, encoder);
        _bm25 = new Bm25Index(entries.Select(e => e.Title is null ? e.Claim : e.Claim + " " + e.Title).ToArray());
        _bm25Claims = new Bm25Index(entries.Select(e => e.Claim).ToArray());
        _bm25Titles = new Bm25Index(entries.Select(e => e.Title ?? "").ToArray());
        _profiles = new TextProfile?[entries.Count];
    }

    public IReadOnlyList<FactCheckEntry> Entries => _entries;
    public float[][] ClaimVectors => _claimVectors;
    public float[]?[] TitleVectors => _titleVectors;

    /// <summary>Claim and title vectors of the reranker's second encoder, in collection order, for a reranker that <see cref="MatchReranker.UsesSecondEncoder"/>.</summary>
    public void UseSecondVectors(float[][] claims, float[]?[] titles)
    {
        if (claims.Length != _entries.Count || titles.Length != _entries.Count) throw new ArgumentException("one claim and title vector of the second encoder per fact-check");
        (_secondClaims, _secondTitles) = (claims, titles);
    }

    public static float[]?[] EncodeTitles(IReadOnlyList<FactCheckEntry> entries, SentenceEncoder encoder)
    {
        var withTitle = Enumerable.Range(0, entries.Count).Where(i => !string.IsNullOrWhiteSpace(entries[i].Title)).ToArray();
        var vectors = encoder.Encode(withTitle.Select(i => entries[i].Title!).ToArray());
        var result = new float[]?[entries.Count];
        for (var k = 0; k < withTitle.Length; k++) result[withTitle[k]] = vectors[k];
        return result;
    }

    public IReadOnlyList<FactCheckHit> Match(string query, int top = 10, Weights? weights = null) =>
        Match(query, _encoder.Encode(query), top, weights);

    /// <summary>The same search with the query's vector already computed (batch evaluation encodes queries together).</summary>
    public IReadOnlyList<FactCheckHit> Match(string query, float[] queryVector, int top = 10, Weights? weights = null)
    {
        var candidates = new Dictionary<int, double>();
        foreach (var (doc, score) in _bm25.Search(query, HybridScoring.CandidatesPerRetriever)) candidates[doc] = score;
        foreach (var doc in HybridScoring.NearestByVector(queryVector, _claimVectors, _titleVectors, HybridScoring.CandidatesPerRetriever))
            candidates.TryAdd(doc, 0);
        return HybridScoring.Rank(
            candidates.Select(c => new MatchCandidate(_entries[c.Key], _claimVectors[c.Key], _titleVectors[c.Key], c.Value)),
            queryVector, top, weights ?? Weights.Default);
    }

    /// <summary>The two-stage search: the first-stage pool reordered by <paramref name="reranker"/>.</summary>
    public IReadOnlyList<FactCheckHit> Match(string query, MatchReranker reranker, int top = 10) =>
        Match(RerankQuery.Encode([query], [_encoder.Encode(query)], _encoder)[0], reranker, top);

    /// <summary>The same for a query already prepared (batch evaluation encodes queries together).</summary>
    public IReadOnlyList<FactCheckHit> Match(RerankQuery prepared, MatchReranker reranker, int top = 10)
    {
        var queryVector = prepared.Vector;
        var pool = Pool(prepared.Text, queryVector);
        if (reranker.UsesSecondEncoder) pool = SecondCosines(prepared, pool, reranker.Depth);
        return reranker.Rerank(prepared, pool).Take(top)
            .Select(r => new FactCheckHit(r.Candidate.Entry, r.Score, TensorPrimitives.Dot(queryVector, r.Candidate.ClaimVector),
                r.Candidate.TitleVector is { } title ? TensorPrimitives.Dot(queryVector, title) : TensorPrimitives.Dot(queryVector, r.Candidate.ClaimVector), r.Candidate.Bm25))
            .ToList();
    }

    /// <summary>The pool with the second encoder's cosines of its first <paramref name="depth"/> candidates (<see cref="UseSecondVectors"/> first).</summary>
    public List<RerankCandidate> SecondCosines(RerankQuery prepared, IReadOnlyList<RerankCandidate> pool, int depth)
    {
        if (_secondClaims is null || _secondTitles is null) throw new InvalidOperationException("the reranker uses a second encoder's features: give the matcher its vectors (UseSecondVectors)");
        return prepared.WithSecond(pool, depth, c => (_secondClaims[c.Position], _secondTitles[c.Position]));
    }

    /// <summary>The first-stage candidates of a query with what the reranker needs of each, best hybrid score first.</summary>
    public List<RerankCandidate> Pool(string query, float[] queryVector, Weights? weights = null)
    {
        var bm25 = _bm25.Scores(query);
        var docs = new HashSet<int>(bm25.OrderByDescending(p => p.Value).Take(HybridScoring.CandidatesPerRetriever).Select(p => p.Key));
        docs.UnionWith(HybridScoring.NearestByVector(queryVector, _claimVectors, _titleVectors, HybridScoring.CandidatesPerRetriever));
        var best = docs.Count == 0 ? 0 : docs.Max(d => bm25.GetValueOrDefault(d));
        var claims = _bm25Claims.Scores(query);
        var titles = _bm25Titles.Scores(query);
        weights ??= Weights.Default;
        var pool = new List<RerankCandidate>(docs.Count);
        foreach (var d in docs.Order())
        {
            var claimCosine = TensorPrimitives.Dot(queryVector, _claimVectors[d]);
            var titleCosine = _titleVectors[d] is { } title ? TensorPrimitives.Dot(queryVector, title) : claimCosine;
            var score = HybridScoring.Score(claimCosine, titleCosine, best > 0 ? bm25.GetValueOrDefault(d) / best : 0, weights);
            var profile = _profiles[d] ??= TextProfile.Of(_entries[d].Title is { } t ? _entries[d].Claim + " " + t : _entries[d].Claim);
            pool.Add(new RerankCandidate(_entries[d], d, _claimVectors[d], _titleVectors[d], profile, score,
                bm25.GetValueOrDefault(d), claims.GetValueOrDefault(d), titles.GetValueOrDefault(d)));
        }
        // A stable order: ties keep collection order.
        return pool.OrderByDescending(c => c.Hybrid).ToList();
    }
}
