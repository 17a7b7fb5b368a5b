using Factdesk.Documents;

namespace Factdesk.Matching;

/// <summary>
/// Fills a dossier's <see cref="Document.Matches"/>: earlier fact-checks of the claim an article reviews and of its
/// most check-worthy claims, each fact-check once with its best score, best first. With a reranker on the search it
/// chooses each claim's hits; the merged list is ordered by hybrid score, since reranker scores of different claims
/// do not compare.
/// </summary>
public static class DossierMatches
{
    /// <summary>How many of the most check-worthy claims are looked up besides the reviewed one.</summary>
    public const int ClaimsSearched = 3;

    /// <summary>Hits kept per claim searched.</summary>
    public const int HitsPerClaim = 3;

    public static void Fill(Document document, FactCheckSearch search, MatchThresholds thresholds)
    {
        var queries = new List<string>();
        if (document.Review?.Claim.Text is { Length: > 0 } reviewed) queries.Add(reviewed);
        queries.AddRange(document.Claims.OrderByDescending(c => c.Score).Take(ClaimsSearched).Select(c => c.Text));
        var best = new Dictionary<long, StoreMatch>();
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            foreach (var match in StoreMatch.Of(search, search.Search(query, HitsPerClaim), thresholds))
            {
                if (!best.TryGetValue(match.FactCheck.Id, out var seen) || seen.Hit.Score < match.Hit.Score)
                    best[match.FactCheck.Id] = match;
            }
        }
        document.Matches.AddRange(best.Values.OrderByDescending(m => m.Hit.Score)
            .Select(m => new ClaimMatch(m.FactCheck.FactCheck.Claim, m.FactCheck.FactCheck.Verdict, m.FactCheck.FactCheck.Url, Math.Round(m.Hit.Score, 4))));
    }
}
