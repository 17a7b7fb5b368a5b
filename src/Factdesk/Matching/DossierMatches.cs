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

    public static void Fill(Document document, FactCheckSearch search, MatchThresholds thresholds) => Add(document, Find(document, search, thresholds));

    /// <summary>Puts matches from <see cref="Find"/> in the dossier, in the order given.</summary>
    public static void Add(Document document, IReadOnlyList<(string Query, StoreMatch Match)> found) =>
        document.Matches.AddRange(found.Select(m => m.Match.FactCheck.FactCheck)
            .Zip(found, (fact, m) => new ClaimMatch(fact.Claim, fact.Verdict, fact.Url, Math.Round(m.Match.Hit.Score, 4))));

    /// <summary>
    /// The matches <see cref="Fill"/> adds, each with the article's claim (<c>Query</c>) that found it: the monitoring
    /// workers raise their alerts from these.
    /// </summary>
    public static IReadOnlyList<(string Query, StoreMatch Match)> Find(Document document, FactCheckSearch search, MatchThresholds thresholds)
    {
        var queries = new List<string>();
        if (document.Review?.Claim.Text is { Length: > 0 } reviewed) queries.Add(reviewed);
        queries.AddRange(document.Claims.OrderByDescending(c => c.Score).Take(ClaimsSearched).Select(c => c.Text));
        var best = new Dictionary<long, (string Query, StoreMatch Match)>();
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            foreach (var match in StoreMatch.Of(search, search.Search(query, HitsPerClaim), thresholds))
            {
                if (!best.TryGetValue(match.FactCheck.Id, out var seen) || seen.Match.Hit.Score < match.Hit.Score)
                    best[match.FactCheck.Id] = (query, match);
            }
        }
        return best.Values.OrderByDescending(m => m.Match.Hit.Score).ToList();
    }
}
