using Factdesk.Matching;
using Factdesk.Storage;
using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Factdesk.Web.Checks;

/// <summary>An earlier fact-check of a claim like the one being checked, from the store's imported and published fact-checks.</summary>
public sealed record EarlierFactCheck(string Claim, string? Verdict, string? Publisher, string? Url, double Score, string Level, string? Claimant = null);

/// <summary>
/// The desk's link to the fact-check store: finds earlier fact-checks of a claim with the hybrid matcher, its first
/// candidates reordered by the reranker as <c>factdesk match</c> orders them (the level still comes from the hybrid
/// score), and adds each check the desk publishes, so the next similar claim finds it and <c>factdesk publish</c> puts
/// it on the site. The sentence encoder is loaded on first use only, and not at all while the store holds no fact-checks.
/// </summary>
public sealed class EarlierFactChecks(IMemoryCache cache, MatchReranker? reranker)
{
    /// <summary>With the reranker built into the library (none when this build has none).</summary>
    public EarlierFactChecks(IMemoryCache cache) : this(cache, MatchReranker.Shipped)
    {
    }

    private const int Top = 5;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    // One encoder for the process: loading the model takes seconds; encoding is serialised like the pipeline, and so is
    // the reranker, whose prediction engine is not thread-safe.
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => SentenceEncoder.Load());
    private static readonly Lock Gate = new();

    // The reranker's second encoder (arctic-embed-xs), loaded once with the first reranked search rather than by each
    // request's search; it also keeps the vectors of the fact-checks it has met (FactCheckSearch).
    private readonly Lazy<SentenceEncoder?> _second = new(() => reranker is { UsesSecondEncoder: true } ? reranker.LoadSecondEncoder(int8: true) : null);

    public IReadOnlyList<EarlierFactCheck> For(DeskOptions options, CheckRecord check) =>
        cache.GetOrCreate((options.Database, check.Id, check.Status), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            var own = PublishedCheck.SourceKey(check.Id);
            return Search(options, check.Claim, Top + 1, words: false).Where(m => m.Key != own).Take(Top).Select(m => m.Found).ToList();
        })!;

    /// <summary>
    /// The fact-checks of the store a search for <paramref name="query"/> finds with the hybrid matcher: those the
    /// matcher calls a match, and those sharing words with the query, best first. Kept for a minute per query.
    /// </summary>
    public IReadOnlyList<EarlierFactCheck> Find(DeskOptions options, string query, int top) =>
        cache.GetOrCreate(("search", options.Database, query, top), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return Search(options, query, top, words: true).Select(m => m.Found).ToList();
        })!;

    /// <summary>Stores a published check in the fact-check store; a check stored before (same key) is left as it is.</summary>
    public void Add(DeskOptions options, FactCheckRecord record)
    {
        using var store = StoreFactory.OpenFactChecks(options.Database);
        float[] embedding;
        lock (Gate) embedding = Encoder.Value.Encode(record.Claim);
        store.AddAll([record with { Embedding = embedding }]);
    }

    private List<(string Key, EarlierFactCheck Found)> Search(DeskOptions options, string query, int top, bool words)
    {
        using var store = StoreFactory.OpenFactChecks(options.Database);
        if (store.Count() == 0) return [];
        List<(string, EarlierFactCheck)> found;
        lock (Gate)
        {
            var search = new FactCheckSearch(store, Encoder.Value) { Reranker = reranker, SecondEncoder = _second.Value };
            found = search.Search(query, top)
                .Select(h => (Hit: h, Level: MatchThresholds.Default.LevelOf(h.Score)))
                .Where(h => h.Level is not null || (words && h.Hit.Bm25 > 0))
                .Select(h =>
                {
                    var fact = store.Get(FactCheckSearch.IdOf(h.Hit))!.FactCheck;
                    var level = h.Level?.ToString().ToLowerInvariant() ?? "related";
                    return (fact.SourceKey, new EarlierFactCheck(fact.Claim, fact.Verdict, fact.Publisher, fact.Url, h.Hit.Score, level, fact.Claimant));
                }).ToList();
        }
        return found;
    }
}
