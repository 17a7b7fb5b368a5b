using System.Text.Json.Nodes;
using Factdesk.Documents;
using Factdesk.Publishing;

namespace Factdesk.Review;

/// <summary>
/// The review a page states in its own ClaimReview JSON-LD: the publisher's structured claim, claimant and rating.
/// When a page carries one it wins over what the text rules read, because the outlet wrote it for machines.
/// </summary>
public static class PublishedReview
{
    /// <summary>The claim and the verdict words of a ClaimReview, or null when it names no claim.</summary>
    public static (ReviewedClaim Claim, string? VerdictWords)? Read(JsonObject claimReview)
    {
        if (JsonLdValues.String(claimReview["claimReviewed"]) is not { Length: > 0 } claimText) return null;
        Speaker? claimant = null;
        string? date = null;
        if (claimReview["itemReviewed"] is JsonObject item)
        {
            var author = item["author"] switch
            {
                JsonArray { Count: > 0 } authors => authors[0] as JsonObject,
                JsonObject one => one,
                _ => null,
            };
            if (author is not null && JsonLdValues.String(author["name"]) is { Length: > 0 } name)
                claimant = new Speaker(name.Trim(), JsonLdValues.String(author["jobTitle"])?.Trim(), null);
            date = JsonLdValues.String(item["datePublished"]);
        }
        var verdict = claimReview["reviewRating"] is JsonObject rating ? JsonLdValues.String(rating["alternateName"])?.Trim() : null;
        return (new ReviewedClaim(claimText.Trim(), claimant, date), string.IsNullOrWhiteSpace(verdict) ? null : verdict);
    }
}
