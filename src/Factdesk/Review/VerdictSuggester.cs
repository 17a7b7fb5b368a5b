using Factdesk.Documents;
using Factdesk.Pipeline;
using Factdesk.Publishing;

namespace Factdesk.Review;

/// <summary>
/// Suggests a verdict on the active rating scale from a review's evidence, with rules a fact-checker can audit:
/// <list type="number">
/// <item>an earlier fact-check matched with a confident score carries its verdict;</item>
/// <item>only independent sources decide (a source with the claimant's name or organisation is the claimant's own side);</item>
/// <item>two or more independent refutations and no independent support: the false end of the scale (one: likely false);</item>
/// <item>two or more independent supports and no refutation: the true end (one: likely true);</item>
/// <item>both: the middle of the scale, leaning toward the side with more sources;</item>
/// <item>otherwise (the claimant's side only, or sources that only discuss): not enough evidence, if the scale has such a label.</item>
/// </list>
/// The suggestion never replaces a stated verdict; it is written beside it.
/// </summary>
/// <param name="scale">The scale the suggestion is put on.</param>
/// <param name="confidentMatch">The match score from which an earlier fact-check decides alone.</param>
public sealed class VerdictSuggester(RatingScale scale, double confidentMatch = 0.8) : IStage
{
    // Places between false (0) and true (1) for each rule; the nearest label of the scale is taken, so every scale works.
    private const double FalseEnd = 0.05;
    private const double LikelyFalse = 0.2;
    private const double LikelyTrue = 0.8;
    private const double TrueEnd = 1.0;

    private static readonly string[] NotEnoughEvidence = ["not enough evidence", "unsubstantiated", "unproven", "no evidence"];

    public VerdictSuggester() : this(RatingScales.Default) { }

    public void Process(Document document)
    {
        if (document.Review is { } review && Suggest(review, document.Matches) is { } suggestion)
            document.Review = review with { Suggestion = suggestion };
    }

    public SuggestedVerdict? Suggest(ReviewInfo review, IReadOnlyList<ClaimMatch> matches)
    {
        if (FromMatch(matches) is { } matched) return matched;

        var claimant = review.Claim.Claimant;
        var independent = review.Sources.Where(s => !IsClaimantSide(s.Speaker, claimant)).ToArray();
        var refuting = independent.Where(s => s.Stance == Stance.Refutes).ToArray();
        var supporting = independent.Where(s => s.Stance == Stance.Supports).ToArray();

        if (refuting.Length > 0 && supporting.Length == 0)
            return Make(Nearest(refuting.Length >= 2 ? FalseEnd : LikelyFalse), refuting,
                $"{Count(refuting.Length, "independent source")} refute{(refuting.Length == 1 ? "s" : "")} the claim and none supports it: {List(refuting)}.");
        if (supporting.Length > 0 && refuting.Length == 0)
            return Make(Nearest(supporting.Length >= 2 ? TrueEnd : LikelyTrue), supporting,
                $"{Count(supporting.Length, "independent source")} support{(supporting.Length == 1 ? "s" : "")} the claim and none refutes it: {List(supporting)}.");
        if (supporting.Length > 0)
        {
            // Mixed evidence stays in the middle band whatever the balance, so it never reads as a clear verdict.
            var share = (double)supporting.Length / (supporting.Length + refuting.Length);
            return Make(Nearest(0.25 + 0.5 * share), [.. refuting, .. supporting],
                $"Independent sources disagree: {List(refuting)} against; {List(supporting)} for.");
        }
        if (review.Sources.Count == 0 || NotEnoughEvidenceLabel() is not { } unsubstantiated) return null;
        var own = review.Sources.Where(s => IsClaimantSide(s.Speaker, claimant)).ToArray();
        return Make(unsubstantiated, own, own.Length == review.Sources.Count
            ? $"Only the claimant's own side speaks to the claim: {List(own)}; no independent source supports or refutes it."
            : "No independent source supports or refutes the claim.");
    }

    /// <summary>Whether a source speaks for the claimant: the same person, the same organisation, or the claimant's organisation itself.</summary>
    public static bool IsClaimantSide(Speaker speaker, Speaker? claimant)
    {
        if (claimant is null) return false;
        return Same(speaker.Name, claimant.Name) || Same(speaker.Organization, claimant.Organization)
            || Same(speaker.Name, claimant.Organization) || Same(speaker.Organization, claimant.Name);
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private SuggestedVerdict? FromMatch(IReadOnlyList<ClaimMatch> matches)
    {
        var best = matches.Where(m => m.Score >= confidentMatch && m.Verdict is not null && scale.Map(m.Verdict) is not null)
            .MaxBy(m => m.Score);
        if (best is null) return null;
        var label = scale.Map(best.Verdict!)!;
        var where = best.Url is null ? "" : $" ({best.Url})";
        return Make(label, [], $"An earlier fact-check of a matching claim rated it \"{best.Verdict}\"{where}; match score {best.Score:0.00}.");
    }

    private RatingLabel? NotEnoughEvidenceLabel() =>
        // Only the scale's own labels: mapping through another scale would turn "unproven" into a middle verdict.
        scale.Labels.FirstOrDefault(l => NotEnoughEvidence.Any(w =>
            string.Equals(l.Name, w, StringComparison.OrdinalIgnoreCase) || l.Aliases.Any(a => string.Equals(a, w, StringComparison.OrdinalIgnoreCase))));

    /// <summary>The label nearest a place between false and true; never the not-enough-evidence one, which is not a place but an absence.</summary>
    private RatingLabel Nearest(double truth)
    {
        var absent = NotEnoughEvidenceLabel();
        return scale.Labels.Where(l => l != absent).MinBy(l => Math.Abs(l.Truth - truth))!;
    }

    private static SuggestedVerdict Make(RatingLabel label, IReadOnlyList<EvidenceSource> deciding, string explanation) =>
        new(new Verdict(label.Name, Stated: false), explanation, deciding);

    private static string Count(int n, string noun) => n == 1 ? $"One {noun}" : $"{n} {noun}s";

    private static string List(IEnumerable<EvidenceSource> sources) => string.Join(", ", sources.Select(s => s.Speaker.Label));
}
