using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Factdesk.Publishing.Site;

/// <summary>datafeed.json: the ClaimReview of every rated fact-check as one schema.org DataFeed, the form fact-check aggregators read in bulk.</summary>
internal static class DataFeed
{
    public static void Write(IReadOnlyList<SiteEntry> entries, Stream target, DateTimeOffset now)
    {
        var elements = new JsonArray();
        foreach (var entry in FactCheckList.NewestFirst(entries))
            if (entry.ClaimReview is { } review) elements.Add(review.DeepClone());
        var feed = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "DataFeed",
            ["name"] = Html.SiteName,
            ["dateModified"] = now.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["dataFeedElement"] = elements,
        };
        using var writer = new Utf8JsonWriter(target, new JsonWriterOptions { Indented = true });
        feed.WriteTo(writer);
    }
}
