using System.Globalization;
using System.Text.Json.Nodes;
using Factdesk.FactChecks;
using Factdesk.Storage;

namespace Factdesk.Publishing.Site;

/// <summary>One stored fact-check as the site shows it: where its page lives, its verdict on the active scale, its JSON-LD.</summary>
internal sealed class SiteEntry
{
    public SiteEntry(StoredFactCheck stored, RatingScale scale)
    {
        Id = stored.Id;
        Fact = stored.FactCheck;
        Label = Fact.Verdict is { } verdict ? scale.Map(verdict) : null;
        // A ClaimReview without a rating is invalid structured data, so an unrated fact-check gets none unless its
        // publisher wrote one.
        ClaimReview = Fact.Verdict is null && Fact.ClaimReviewJson is null ? null : FactCheckClaimReview.Write(Fact);
        Date = ParseDate(Fact.ReviewDate) ?? ParseDate(Fact.ClaimDate);
        Updated = Date ?? stored.ImportedAt;
        Claimant = string.IsNullOrWhiteSpace(Fact.Claimant) ? null : Fact.Claimant.Trim();
        Appearances = ClaimReview is null ? [] : AppearancesOf(ClaimReview["itemReviewed"]);
    }

    public long Id { get; }
    public FactCheckRecord Fact { get; }

    /// <summary>The verdict placed on the active scale, or null when the publisher's words are not a known verdict.</summary>
    public RatingLabel? Label { get; }

    /// <summary>The publisher's ClaimReview when stored, else one written from the record; null when there is nothing to rate.</summary>
    public JsonObject? ClaimReview { get; }

    /// <summary>When the review (else the claim) is dated; undated fact-checks sort last.</summary>
    public DateTimeOffset? Date { get; }

    public DateTimeOffset Updated { get; }
    public string? Claimant { get; }

    /// <summary>Relative to the site root.</summary>
    public string PagePath => $"checks/{Id.ToString(CultureInfo.InvariantCulture)}.html";

    public string Headline => Fact.Title ?? Fact.Claim;

    /// <summary>Where the claim was seen (the ClaimReview's firstAppearance and appearance), as safe web links.</summary>
    public IReadOnlyList<string> Appearances { get; }

    private static List<string> AppearancesOf(JsonNode? itemReviewed)
    {
        var item = itemReviewed is JsonArray items ? items.FirstOrDefault() : itemReviewed;
        if (item is not JsonObject claim) return [];
        var found = new List<string>();
        foreach (var name in new[] { "firstAppearance", "appearance" })
        {
            // Not a collection expression: next to a JsonArray it would become a new JsonArray and re-parent the node.
            var nodes = claim[name] is JsonArray many ? many.ToList() : new List<JsonNode?> { claim[name] };
            foreach (var node in nodes)
            {
                // An appearance is a CreativeWork with a url, or, as some publishers write it, just the URL.
                var url = node is JsonObject work ? work["url"] : node;
                if (SiteLinks.SafeExternal(JsonLdValues.String(url)) is { } safe && !found.Contains(safe)) found.Add(safe);
            }
        }
        return found;
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
