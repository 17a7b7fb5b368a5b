namespace Factdesk.Publishing;

public enum FindingSeverity { Error, Warning }

/// <summary>One problem in a ClaimReview, at a JSON path such as <c>$.reviewRating.alternateName</c>.</summary>
public sealed record ClaimReviewFinding(FindingSeverity Severity, string Path, string Message)
{
    public override string ToString() => $"{(Severity == FindingSeverity.Error ? "error" : "warning")} {Path}: {Message}";
}
