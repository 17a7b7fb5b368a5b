using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
    /// so it is well above the 100 candidates wanted. 768 and not 256: in a store of a million fact-checks a claim
    /// can have a hundred near-paraphrases, nearly tied, and the beam has to hold them all to find the best ten
    /// (recall@10 against the exact scan 0.893 at 256, 0.952 at 768, 0.972 once re-scored in float32; a millisecond
    /// or two more per search; docs/BENCHMARKS.md, "Scale and speed").
    /// </summary>
    public const int DefaultSearchBreadth = 768;

    // Int8 rounding moves a cosine by about 0.002 and the hybrid score by less; a candidate whose approximate score is
    // this far below the last of the top list cannot overtake it once scored exactly.
    private const double RescoreMargin = 0.03;

    private StoreIndexes? _indexes;

    public IFactCheckStore Store => store;

    public int SearchBreadth { get; init; } = DefaultSearchBreadth;

    /// <summary>
    /// When set, the hits are the first-stage pool reordered by this model (<see cref="MatchReranker.Depth"/> deep),
    /// as <see cref="ClaimMatcher"/> does in memory. Each hit keeps its hybrid score as <see cref="FactCheckHit.Score"/>
    /// and carries the model's in <see cref="FactCheckHit.Rerank"/>: the model orders, the hybrid score says how sure.
    /// Why: a LambdaRank score only ranks the candidates of one query (its scale moves from query to query and from
    /// model to model), while <see cref="MatchThresholds"/> were measured on the hybrid score, which is a fixed mix
    /// of cosines and keeps its meaning across queries, stores and retrained models. Null: hybrid order alone.
    /// Not thread-safe while set (the model's prediction engine).
    /// </summary>
    public MatchReranker? Reranker { get; init; }

    /// <summary>
    /// The second encoder for a <see cref="Reranker"/> that <see cref="MatchReranker.UsesSecondEncoder"/>: it encodes the
    /// query and the claims and titles of the reranked candidates at search time (the store keeps base vectors only).
    /// Null: the reranker's own (<see cref="MatchReranker.LoadSecondEncoder"/>, int8) is loaded on the first such search.
    /// </summary>
    public SentenceEncoder? SecondEncoder { get; init; }

    private SentenceEncoder? _second;

    // The second encoder's vectors of claims and titles already met, by text (an edited fact-check is encoded anew),
    // kept with the encoder so that every search given the same encoder shares them: encoding the reranked candidates
    // is most of a reranked search, and the searches of one desk meet the same fact-checks again. Emptied
    // when full rather than kept in recency order: about 40 MB at most. Used under the encoder's own rule, one
    // thread at a time.
    private static readonly ConditionalWeakTable<SentenceEncoder, Dictionary<string, float[]>> SecondVectors = new();
    private const int SecondVectorsKept = 20_000;

    /// <summary>
    /// The same search with another reranker, sharing this one's open indexes: at a million fact-checks they are most
    /// of a gigabyte, and a second search over the same store should not load them again.
    /// </summary>
    public FactCheckSearch WithReranker(MatchReranker? reranker)
    {
        var other = new FactCheckSearch(store, encoder) { SearchBreadth = SearchBreadth, Reranker = reranker, SecondEncoder = SecondEncoder };
        other._indexes = _indexes;
        return other;
    }

    /// <summary>Opens (and if needed builds or brings up to date) the search indexes now rather than on the first search.</summary>
    public void Open() => _indexes ??= StoreIndexes.Open(store);

    /// <summary>
    /// The best <paramref name="top"/> fact-checks for <paramref name="query"/>, best first. A query without a word
    /// or number (only punctuation, or empty) matches nothing.
    /// </summary>
    public IReadOnlyList<FactCheckHit> Search(string query, int top = 10, ClaimMatcher.Weights? weights = null)
    {
        var terms = QueryTerms(query);
        if (terms.Count == 0 || top <= 0) return [];
        Open();
        // BM25 does not need the query's vector: it runs on another core while the encoder and then the vector index
        // work, which at a million fact-checks hides its few milliseconds (docs/BENCHMARKS.md, "Scale and speed").
        var byTerms = Task.Run(() => NearestByTerms(terms));
        var queryVector = encoder.Encode(query);
        return Search(query, queryVector, terms, byTerms, top, weights);
    }

    /// <summary>The same search with the query's vector already computed.</summary>
    public IReadOnlyList<FactCheckHit> Search(string query, float[] queryVector, int top = 10, ClaimMatcher.Weights? weights = null)
    {
        var terms = QueryTerms(query);
        if (terms.Count == 0 || top <= 0) return [];
        Open();
        return Search(query, queryVector, terms, Task.Run(() => NearestByTerms(terms)), top, weights);
    }

    private static List<string> QueryTerms(string query) => SearchTerms.Of(query).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();

    private IReadOnlyList<FactCheckHit> Search(string query, float[] queryVector, List<string> terms, Task<IReadOnlyList<(long Id, double Score)>> byTerms,
        int top, ClaimMatcher.Weights? weights)
    {
        var byVector = NearestByVector(queryVector);
        var candidates = new Dictionary<long, double>();
        foreach (var (id, score) in byTerms.GetAwaiter().GetResult())
            candidates[id] = score;
        foreach (var (id, _) in byVector)
            candidates.TryAdd(id, 0);
        if (candidates.Count == 0) return [];
        if (Reranker is { } reranker && weights is null) return Reranked(query, queryVector, terms, candidates.Keys, top, reranker);
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

    /// <summary>
    /// The reranked search: every candidate is read back from the store (a few hundred rows) because the features
    /// compare each candidate with the whole pool, and the pool is built as <see cref="ClaimMatcher.Pool"/> builds it,
    /// so the shipped model sees the features it was trained on. Two are computed differently at store scale: the
    /// BM25 of claim alone and title alone use the combined index's document frequencies (the store keeps no
    /// per-field postings) and the pool's average field length; only their share of the pool's best enters the model.
    /// Twins are looked for within the pool, as in memory. Candidates the vectors alone found get their real BM25.
    /// </summary>
    private IReadOnlyList<FactCheckHit> Reranked(string query, float[] queryVector, IReadOnlyList<string> terms, IEnumerable<long> candidates, int top, MatchReranker reranker)
    {
        var postings = _indexes!.Terms;
        var rows = store.VectorsOf(candidates.Order().ToList()).OrderBy(r => r.Id).ToList();
        var claimTerms = rows.ConvertAll(r => SearchTerms.Of(r.Claim));
        var titleTerms = rows.ConvertAll(r => r.Title is null ? [] : SearchTerms.Of(r.Title));
        var claimLength = claimTerms.Average(t => t.Count);
        var titles = titleTerms.Where(t => t.Count > 0).ToList();
        var titleLength = titles.Count == 0 ? 1 : titles.Average(t => t.Count);
        var bm25 = rows.ConvertAll(r => postings.Score(terms, StoreIndexes.TermsOf(r.Claim, r.Title)));
        var best = bm25.Max();
        var weights = ClaimMatcher.Weights.Default;
        var pool = new List<RerankCandidate>(rows.Count);
        foreach (var (i, row) in rows.Index())
        {
            var claimCosine = TensorPrimitives.Dot(queryVector, row.Embedding);
            var titleCosine = row.TitleEmbedding is { } title ? TensorPrimitives.Dot(queryVector, title) : claimCosine;
            var entry = new FactCheckEntry(row.Id.ToString(CultureInfo.InvariantCulture), row.Claim, row.Title);
            pool.Add(new RerankCandidate(entry, i, row.Embedding, row.TitleEmbedding,
                TextProfile.Of(row.Title is { } t ? row.Claim + " " + t : row.Claim),
                HybridScoring.Score(claimCosine, titleCosine, best > 0 ? bm25[i] / best : 0, weights),
                bm25[i], postings.Score(terms, claimTerms[i], claimLength), titleTerms[i].Count == 0 ? 0 : postings.Score(terms, titleTerms[i], titleLength)));
        }
        // Ties keep store order, as ties keep collection order in memory.
        pool = pool.OrderByDescending(c => c.Hybrid).ToList();
        var prepared = RerankQuery.Encode([query], [queryVector], encoder)[0];
        if (reranker.UsesSecondEncoder)
        {
            var second = _second ??= SecondEncoder ?? reranker.LoadSecondEncoder(int8: true);
            var head = pool.Take(reranker.Depth).ToList();
            var texts = new List<string>();
            foreach (var c in head)
            {
                texts.Add(c.Entry.Claim);
                if (c.TitleVector is not null && c.Entry.Title is { } title) texts.Add(title);
            }
            var known = SecondVectors.GetValue(second, _ => new Dictionary<string, float[]>(StringComparer.Ordinal));
            var missing = texts.Where(t => !known.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
            if (known.Count + missing.Length > SecondVectorsKept)
            {
                known.Clear();
                missing = texts.Distinct(StringComparer.Ordinal).ToArray();
            }
            foreach (var (text, vector) in missing.Zip(second.Encode(missing))) known[text] = vector;
            var of = new Dictionary<RerankCandidate, (float[], float[]?)>(ReferenceEqualityComparer.Instance);
            foreach (var c in head)
                of[c] = (known[c.Entry.Claim], c.TitleVector is not null && c.Entry.Title is { } t ? known[t] : null);
            prepared = prepared with { SecondVector = second.EncodeQueries([query])[0] };
            pool = prepared.WithSecond(pool, reranker.Depth, c => of[c]);
        }
        return reranker.Rerank(prepared, pool).Take(top).Select(r =>
        {
            var c = r.Candidate;
            var claimCosine = TensorPrimitives.Dot(queryVector, c.ClaimVector);
            var titleCosine = c.TitleVector is { } title ? TensorPrimitives.Dot(queryVector, title) : claimCosine;
            return new FactCheckHit(c.Entry, c.Hybrid, claimCosine, titleCosine, best > 0 ? c.Bm25 / best : 0, r.Score);
        }).ToList();
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
