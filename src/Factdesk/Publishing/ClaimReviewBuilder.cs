using System.Globalization;
using System.Text.Json.Nodes;
using Factdesk.Documents;

namespace Factdesk.Publishing;

/// <summary>
/// Writes a review as schema.org ClaimReview JSON-LD, following Google's structured-data rules: the verdict goes
/// in reviewRating (alternateName, and ratingValue/bestRating/worstRating from the scale), never into claimReviewed.
/// Unknown fields are left out rather than invented.
/// </summary>
public static class ClaimReviewBuilder
{
    /// <param name="claimantIsPerson">Whether the claimant's name is a person's (else an organisation's).</param>
    public static JsonObject? Build(ReviewInfo review, SourceInfo source, RatingScale scale, bool claimantIsPerson)
    {
        if (review.Verdict is not { } verdict) return null;
        var claimReview = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
        };
        if (source.Url is not null) claimReview["url"] = source.Url;
        claimReview["claimReviewed"] = review.Claim.Text;
        if (source.Published is { } published) claimReview["datePublished"] = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (source.Site is not null) claimReview["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = source.Site };
        claimReview["reviewRating"] = Rating(verdict, scale);
        claimReview["itemReviewed"] = Claim(review.Claim, claimantIsPerson);
        return claimReview;
    }

    private static JsonObject Rating(Verdict verdict, RatingScale scale)
    {
        var rating = new JsonObject { ["@type"] = "Rating" };
        if (scale.Find(verdict.Label) is { } label)
        {
            rating["ratingValue"] = label.Value;
            rating["bestRating"] = scale.BestValue;
            rating["worstRating"] = scale.WorstValue;
        }
        rating["alternateName"] = verdict.Label;
        return rating;
    }

    private static JsonObject Claim(ReviewedClaim claim, bool claimantIsPerson)
    {
        var item = new JsonObject { ["@type"] = "Claim" };
        if (claim.Claimant?.Name is { } name)
        {
            var author = new JsonObject { ["@type"] = claimantIsPerson ? "Person" : "Organization", ["name"] = name };
            if (claimantIsPerson && claim.Claimant.Title is { } title) author["jobTitle"] = title;
            item["author"] = author;
        }
        if (claim.Date is not null && DateTime.TryParse(claim.Date, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var said))
            item["datePublished"] = said.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return item;
    }
}
