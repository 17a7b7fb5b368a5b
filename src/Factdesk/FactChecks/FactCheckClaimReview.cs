using System.Text.Json.Nodes;
using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>
/// A fact-check as schema.org ClaimReview JSON-LD and back. Reading takes any publisher's ClaimReview; writing is
/// for fact-checks that came without one (data-set rows), and marks itself with sdPublisher Factdesk so that reading
/// it back does not mistake Factdesk's rendering for a published ClaimReview. The key travels as identifier.
/// </summary>
public static class FactCheckClaimReview
{
    private const string Generator = "Factdesk";

    public static ImportItem Read(JsonObject review, string location)
    {
        if (FactCheckFields.Text(review["claimReviewed"]) is not { } claim)
            return ImportItem.Failed(location, "no claimReviewed (the claim's text)");
        var url = FactCheckFields.Text(review["url"]);
        var identifier = FactCheckFields.Text(review["identifier"]);
        if (url is null && identifier is null)
            return ImportItem.Failed(location, "neither url nor identifier: nothing says which fact-check this is");
        var publisher = Name(review["author"]) ?? Name(review["publisher"]);
        var item = First(review["itemReviewed"]) as JsonObject;
        var claimant = First(item?["author"]);
        var rating = First(review["reviewRating"]) as JsonObject;
        var generated = Name(review["sdPublisher"]) == Generator;
        var record = new FactCheckRecord(
            SourceKey: identifier ?? FactCheckFields.DerivedKey(publisher, url, claim),
            Claim: claim,
            Title: FactCheckFields.Text(review["headline"]) ?? FactCheckFields.Text(review["name"]),
            Claimant: Name(claimant),
            ClaimantTitle: claimant is JsonObject person ? FactCheckFields.Text(person["jobTitle"]) : null,
            ClaimDate: FactCheckFields.Date(FactCheckFields.Text(item?["datePublished"])),
            Verdict: FactCheckFields.Text(rating?["alternateName"]) ?? FactCheckFields.Text(rating?["name"]),
            RatingValue: FactCheckFields.Number(rating?["ratingValue"]),
            BestRating: FactCheckFields.Number(rating?["bestRating"]),
            WorstRating: FactCheckFields.Number(rating?["worstRating"]),
            Url: url,
            Publisher: publisher,
            Language: FactCheckFields.Text(review["inLanguage"]) ?? Name(review["inLanguage"]),
            ReviewDate: FactCheckFields.Date(FactCheckFields.Text(review["datePublished"])),
            ClaimReviewJson: generated ? null : review.ToJsonString(),
            Summary: FactCheckFields.Text(review["description"]),
            Analysis: FactCheckFields.Text(review["reviewBody"]));
        return new ImportItem(location, record);
    }

    /// <summary>
    /// The published ClaimReview when there is one, else one written from the record's fields. Either way the summary
    /// is its description and the analysis its reviewBody, which is where a team edits them in an export before
    /// importing it again.
    /// </summary>
    public static JsonObject Write(FactCheckRecord fact)
    {
        if (fact.ClaimReviewJson is { } published && JsonNode.Parse(published) is JsonObject original)
        {
            Set(original, "description", fact.Summary);
            Set(original, "reviewBody", fact.Analysis);
            return original;
        }
        var review = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["identifier"] = fact.SourceKey,
        };
        Set(review, "url", fact.Url);
        review["claimReviewed"] = fact.Claim;
        Set(review, "headline", fact.Title);
        Set(review, "datePublished", fact.ReviewDate);
        Set(review, "inLanguage", fact.Language);
        Set(review, "description", fact.Summary);
        Set(review, "reviewBody", fact.Analysis);
        if (fact.Publisher is not null) review["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = fact.Publisher };
        var rating = new JsonObject { ["@type"] = "Rating" };
        SetNumber(rating, "ratingValue", fact.RatingValue);
        SetNumber(rating, "bestRating", fact.BestRating);
        SetNumber(rating, "worstRating", fact.WorstRating);
        Set(rating, "alternateName", fact.Verdict);
        if (rating.Count > 1) review["reviewRating"] = rating;
        var item = new JsonObject { ["@type"] = "Claim" };
        if (fact.Claimant is not null)
        {
            // Whether a claimant is a person is not known from the data sets; a job title says it is.
            var author = new JsonObject { ["@type"] = fact.ClaimantTitle is null ? "Organization" : "Person", ["name"] = fact.Claimant };
            Set(author, "jobTitle", fact.ClaimantTitle);
            item["author"] = author;
        }
        Set(item, "datePublished", fact.ClaimDate);
        review["itemReviewed"] = item;
        review["sdPublisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = Generator };
        return review;
    }

    private static JsonNode? First(JsonNode? node) => node is JsonArray array ? array.FirstOrDefault() : node;

    private static string? Name(JsonNode? node) => First(node) switch
    {
        JsonObject thing => FactCheckFields.Text(thing["name"]),
        var other => FactCheckFields.Text(other),
    };

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null) target[name] = value;
    }

    private static void SetNumber(JsonObject target, string name, double? value)
    {
        if (value is { } number) target[name] = number;
    }
}
