using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Factdesk.Segmentation;

namespace Factdesk.Publishing;

/// <summary>
/// Checks a ClaimReview against schema.org and Google's structured-data rules for fact-checks: what is required
/// is an error when missing or wrong, what is recommended a warning.
/// </summary>
public static class ClaimReviewValidator
{
    /// <summary>Google shows at most about this many characters of claimReviewed.</summary>
    public const int ClaimReviewedAdvisedLength = 75;

    public static IReadOnlyList<ClaimReviewFinding> Validate(JsonObject review, string path = "$")
    {
        var findings = new Findings(path);
        if (!ClaimReviewSources.IsClaimReview(review))
            findings.Error("@type", "must be \"ClaimReview\"");

        var claimReviewed = JsonLdValues.String(review["claimReviewed"]);
        if (string.IsNullOrWhiteSpace(claimReviewed))
            findings.Error("claimReviewed", "is required: the claim being checked, in a short sentence");
        else if (claimReviewed.Length > ClaimReviewedAdvisedLength)
            findings.Warning("claimReviewed", $"is {claimReviewed.Length} characters; search results show about {ClaimReviewedAdvisedLength}");

        CheckRating(review["reviewRating"], claimReviewed, findings);
        CheckUrl(review["url"], "url", required: true, findings);
        CheckAuthor(review["author"], "author", findings, required: false);
        CheckDate(review["datePublished"], "datePublished", findings);
        CheckItemReviewed(review["itemReviewed"], findings);
        return findings.All;
    }

    private static void CheckRating(JsonNode? node, string? claimReviewed, Findings findings)
    {
        if (node is not JsonObject rating)
        {
            findings.Error("reviewRating", "is required: an object of @type Rating with the verdict");
            return;
        }
        var verdict = JsonLdValues.String(rating["alternateName"]);
        if (string.IsNullOrWhiteSpace(verdict))
            findings.Error("reviewRating.alternateName", "is required: the verdict in words, e.g. \"False\"");
        else if (claimReviewed is not null && Words.ContainsWord(claimReviewed, verdict))
        {
            var trimmed = claimReviewed.Trim();
            if (trimmed.StartsWith(verdict, StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(verdict, StringComparison.OrdinalIgnoreCase))
                findings.Error("claimReviewed", $"carries the verdict \"{verdict}\"; the verdict belongs in reviewRating only");
            else
                findings.Warning("claimReviewed", $"contains the verdict word \"{verdict}\"; check it is the claim's own wording");
        }

        var value = Number(rating, "ratingValue", findings);
        var best = Number(rating, "bestRating", findings);
        var worst = Number(rating, "worstRating", findings);
        if (value is null && best is null && worst is null)
        {
            findings.Warning("reviewRating.ratingValue", "is recommended, with bestRating and worstRating, so the verdict can be placed on your scale");
            return;
        }
        if (value is null || best is null || worst is null)
        {
            findings.Error("reviewRating", "ratingValue, bestRating and worstRating go together: give all three or none");
            return;
        }
        if (worst < 1) findings.Error("reviewRating.worstRating", $"is {worst}; it must be at least 1");
        if (best <= worst) findings.Error("reviewRating.bestRating", $"is {best}; it must be greater than worstRating ({worst})");
        if (value < worst || value > best) findings.Error("reviewRating.ratingValue", $"is {value}; it must lie between worstRating ({worst}) and bestRating ({best})");
    }

    private static void CheckItemReviewed(JsonNode? node, Findings findings)
    {
        if (node is null)
        {
            findings.Warning("itemReviewed", "is recommended: a Claim with the author who made it and where it appeared");
            return;
        }
        if (node is not JsonObject claim)
        {
            findings.Error("itemReviewed", "must be an object of @type Claim");
            return;
        }
        if (JsonLdValues.String(claim["@type"]) is not "Claim")
            findings.Error("itemReviewed.@type", "must be \"Claim\"");
        CheckAuthor(claim["author"], "itemReviewed.author", findings, required: false);
        CheckDate(claim["datePublished"], "itemReviewed.datePublished", findings, recommended: false);
        foreach (var key in new[] { "appearance", "firstAppearance" })
            CheckAppearance(claim[key], $"itemReviewed.{key}", findings);
    }

    private static void CheckAuthor(JsonNode? node, string path, Findings findings, bool required)
    {
        if (node is null)
        {
            if (required) findings.Error(path, "is required");
            else findings.Warning(path, "is recommended: a Person or Organization with a name");
            return;
        }
        foreach (var (author, p) in Each(node, path))
        {
            if (author is not JsonObject obj)
            {
                findings.Error(p, "must be a Person or Organization object");
                continue;
            }
            if (JsonLdValues.String(obj["@type"]) is not ("Person" or "Organization"))
                findings.Error($"{p}.@type", "must be \"Person\" or \"Organization\"");
            if (string.IsNullOrWhiteSpace(JsonLdValues.String(obj["name"])))
                findings.Error($"{p}.name", "is required");
            if (obj["sameAs"] is { } sameAs)
                foreach (var (link, lp) in Each(sameAs, $"{p}.sameAs"))
                    CheckUrl(link, lp, required: true, findings);
        }
    }

    private static void CheckAppearance(JsonNode? node, string path, Findings findings)
    {
        if (node is null) return;
        foreach (var (item, p) in Each(node, path))
        {
            if (item is JsonObject work) CheckUrl(work["url"], $"{p}.url", required: true, findings);
            else CheckUrl(item, p, required: true, findings);
        }
    }

    private static void CheckUrl(JsonNode? node, string path, bool required, Findings findings)
    {
        var text = JsonLdValues.String(node);
        if (text is null)
        {
            if (required) findings.Error(path, "is required: the absolute http(s) address");
            return;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            findings.Error(path, $"\"{text}\" is not an absolute http(s) URL");
    }

    private static void CheckDate(JsonNode? node, string path, Findings findings, bool recommended = true)
    {
        var text = JsonLdValues.String(node);
        if (text is null)
        {
            if (recommended) findings.Warning(path, "is recommended: an ISO 8601 date such as 2017-06-12");
            return;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            findings.Error(path, $"\"{text}\" is not an ISO 8601 date");
    }

    private static double? Number(JsonObject rating, string key, Findings findings)
    {
        switch (rating[key])
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                // Built nodes hold int or double, parsed ones a JsonElement: the JSON text reads the same for all.
                return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String
                                  && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                findings.Error($"reviewRating.{key}", "must be a number");
                return null;
        }
    }

    private static IEnumerable<(JsonNode? Node, string Path)> Each(JsonNode node, string path) =>
        node is JsonArray array ? array.Select((n, i) => (n, $"{path}[{i}]")) : [(node, path)];

    private sealed class Findings(string root)
    {
        public List<ClaimReviewFinding> All { get; } = [];
        public void Error(string path, string message) => All.Add(new(FindingSeverity.Error, $"{root}.{path}", message));
        public void Warning(string path, string message) => All.Add(new(FindingSeverity.Warning, $"{root}.{path}", message));
    }
}
