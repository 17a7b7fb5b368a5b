using Factdesk.Documents;
using Factdesk.Matching;
using Factdesk.Publishing;
using Factdesk.Storage;

namespace Factdesk.Monitoring;

/// <summary>
/// Looks up an analysed article's check-worthy claims among the stored fact-checks (as <see cref="DossierMatches"/>
/// does for `check --db`, and into the same dossier field) and keeps, as alerts, the confident matches whose verdict
/// sits on the false side of the rating scale. Without a search (no fact-checks imported) it finds nothing.
/// </summary>
public sealed class AlertFinder(FactCheckSearch? search, MatchThresholds thresholds, RatingScale scale)
{
    /// <summary>
    /// A verdict this close to false (0) or closer counts: on PolitiFact's scale False, Pants on Fire and Mostly False
    /// (which also takes "misleading"), not Half True.
    /// </summary>
    public const double FalseAtMost = 0.25;

    public static AlertFinder None { get; } = new(null, MatchThresholds.Default, RatingScales.Default);

    /// <summary>Fills the document's matches and returns the alerts among them.</summary>
    public IReadOnlyList<AlertRecord> Find(Document document)
    {
        if (search is null) return [];
        var found = DossierMatches.Find(document, search, thresholds);
        if (document.Matches.Count == 0) DossierMatches.Add(document, found);
        return found
            .Where(m => m.Match.Level == MatchLevel.Confident && IsFalse(m.Match.FactCheck.FactCheck))
            .Select(m => new AlertRecord(m.Match.FactCheck.Id, m.Query, m.Match.FactCheck.FactCheck.Claim, m.Match.FactCheck.FactCheck.Verdict,
                m.Match.FactCheck.FactCheck.Url, Math.Round(m.Match.Hit.Score, 4)))
            .ToList();
    }

    /// <summary>
    /// Whether a fact-check's verdict is false or nearly so: its words mapped onto the scale when they are a known
    /// verdict, else its numeric rating placed between worst and best. A verdict that is neither is not an alert.
    /// </summary>
    public bool IsFalse(FactCheckRecord fact)
    {
        if (fact.Verdict is { } words && scale.Map(words) is { } label)
            return label.Truth <= FalseAtMost;
        if (fact is { RatingValue: { } value, BestRating: { } best, WorstRating: { } worst } && best > worst)
            return (value - worst) / (best - worst) <= FalseAtMost;
        return false;
    }
}
