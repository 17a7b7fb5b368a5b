using Factdesk.Storage;

namespace Factdesk.Matching;

/// <summary>An earlier fact-check found in the store for a claim, at a <see cref="MatchLevel"/>.</summary>
public sealed record StoreMatch(StoredFactCheck FactCheck, FactCheckHit Hit, MatchLevel Level)
{
    /// <summary>The hits at or above the suggestion threshold, each with its stored fact-check.</summary>
    public static IReadOnlyList<StoreMatch> Of(FactCheckSearch search, IReadOnlyList<FactCheckHit> hits, MatchThresholds thresholds) =>
        hits.Select(h => (Hit: h, Level: thresholds.LevelOf(h.Score)))
            .Where(h => h.Level is not null)
            .Select(h => new StoreMatch(search.Store.Get(FactCheckSearch.IdOf(h.Hit))!, h.Hit, h.Level!.Value))
            .ToList();
}
