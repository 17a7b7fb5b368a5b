using Factdesk.Matching;
using Factdesk.Storage;
using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Factdesk.Web.Checks;

/// <summary>An earlier fact-check of a claim like the one being checked, from the store's imported and published fact-checks.</summary>
public sealed record EarlierFactCheck(string Claim, string? Verdict, string? Publisher, string? Url, double Score, string Level);

/// <summary>
/// The desk's link to the fact-check store: finds earlier fact-checks of a claim with the hybrid matcher, and adds
/// each check the desk publishes, so the next similar claim finds it and <c>factdesk publish</c> puts it on the site.
/// The sentence encoder is loaded on first use only, and not at all while the store holds no fact-checks.
/// </summary>
public sealed class EarlierFactChecks(IMemoryCache cache)
{
    private const int Top = 5;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    // One encoder for the process: loading the model takes seconds; encoding is serialised like the pipeline.
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => SentenceEncoder.Load());
    private static readonly Lock Gate = new();

    public IReadOnlyList<EarlierFactCheck> For(DeskOptions options, CheckRecord check) =>
        cache.GetOrCreate((options.DatabasePath, check.Id, check.Status), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            return Search(options, check);
        })!;

    /// <summary>Stores a published check in the fact-check store; a check stored before (same key) is left as it is.</summary>
    public void Add(DeskOptions options, FactCheckRecord record)
    {
        using var store = SqliteFactCheckStore.Open(options.DatabasePath);
        float[] embedding;
        lock (Gate) embedding = Encoder.Value.Encode(record.Claim);
        store.AddAll([record with { Embedding = embedding }]);
    }

    private static List<EarlierFactCheck> Search(DeskOptions options, CheckRecord check)
    {
        using var store = SqliteFactCheckStore.Open(options.DatabasePath);
        if (store.Count() == 0) return [];
        IReadOnlyList<StoreMatch> matches;
        lock (Gate)
        {
            var search = new FactCheckSearch(store, Encoder.Value);
            matches = StoreMatch.Of(search, search.Search(check.Claim, Top + 1), MatchThresholds.Default);
        }
        var own = PublishedCheck.SourceKey(check.Id);
        return matches.Where(m => m.FactCheck.FactCheck.SourceKey != own).Take(Top).Select(m =>
        {
            var fact = m.FactCheck.FactCheck;
            return new EarlierFactCheck(fact.Claim, fact.Verdict, fact.Publisher, fact.Url, m.Hit.Score, m.Level.ToString().ToLowerInvariant());
        }).ToList();
    }
}
