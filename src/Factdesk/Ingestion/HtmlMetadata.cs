using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;

namespace Factdesk.Ingestion;

/// <summary>What a page says about itself in its head: meta tags, the canonical link and JSON-LD.</summary>
internal sealed record HtmlMetadata(
    string? Url,
    string? Title,
    string? Site,
    DateTimeOffset? Published,
    string? Language,
    JsonObject? ClaimReview,
    IReadOnlyList<string> Authors)
{
    public static HtmlMetadata Read(IHtmlDocument page)
    {
        var marks = new PageMarks(page);
        var linkedData = marks.LinkedData.SelectMany(JsonLd.Objects).ToList();
        var article = linkedData.FirstOrDefault(JsonLd.IsArticle);
        var tags = marks.Meta;
        return new HtmlMetadata(
            Url: AbsoluteUrl(marks.Canonical)
                 ?? AbsoluteUrl(Meta(tags, "og:url")),
            Title: Meta(tags, "og:title") ?? Meta(tags, "twitter:title") ?? JsonLd.Text(article?["headline"]) ?? DocumentTitle(page.Title),
            Site: Meta(tags, "og:site_name") ?? JsonLd.Text((article?["publisher"] as JsonObject)?["name"]),
            Published: Date(Meta(tags, "article:published_time"))
                       ?? Date(JsonLd.Text(article?["datePublished"]))
                       ?? Date(linkedData.Select(o => JsonLd.Text(o["datePublished"])).FirstOrDefault(d => d != null))
                       ?? Date(Meta(tags, "date") ?? Meta(tags, "pubdate") ?? Meta(tags, "dc.date") ?? Meta(tags, "dcterms.created"))
                       ?? Date(marks.Time),
            Language: LanguageCode(page.DocumentElement.GetAttribute("lang"))
                      ?? LanguageCode(Meta(tags, "og:locale"))
                      ?? LanguageCode(Meta(tags, PageMarks.ContentLanguage)),
            ClaimReview: linkedData.FirstOrDefault(o => JsonLd.HasType(o, "ClaimReview"))?.DeepClone().AsObject(),
            Authors: JsonLd.Names(article?["author"]) is { Count: > 0 } names ? names : MetaAuthors(tags));
    }

    /// <summary>
    /// The &lt;title&gt; less the site name that pages hang on it ("Bridge claim does not add up | Riverside Checks"),
    /// unless what is left is too short to be a headline.
    /// </summary>
    private static string? DocumentTitle(string? title)
    {
        if (NonBlank(title) is not { } whole)
            return null;
        var cut = -1;
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — ", " :: ", " » "])
            cut = Math.Max(cut, whole.LastIndexOf(separator, StringComparison.Ordinal));
        if (cut <= 0)
            return whole;
        var headline = whole[..cut].Trim();
        return headline.Count(c => c == ' ') >= 2 ? headline : whole;
    }

    // article:author is usually a profile URL, which is no name.
    private static List<string> MetaAuthors(Dictionary<string, string?> tags) =>
        [.. new[] { Meta(tags, "author"), Meta(tags, "article:author"), Meta(tags, "dc.creator") }
            .OfType<string>().Where(a => !a.Contains("://", StringComparison.Ordinal)).Distinct().Take(1)];

    /// <summary>"en-GB", "en_US" and "EN" all become "en"; anything that is not a language code becomes null.</summary>
    public static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? Meta(Dictionary<string, string?> tags, string key) => tags.GetValueOrDefault(key);

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? AbsoluteUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>JSON-LD blocks may hold one object, an array of them, or a "@graph"; all are flattened here.</summary>
    private static class JsonLd
    {
        public static IEnumerable<JsonObject> Objects(string script)
        {
            JsonNode? root;
            try
            {
                // Duplicate keys refused while parsing: JsonNode otherwise accepts them and throws on the first lookup.
                root = JsonNode.Parse(script, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            }
            // ArgumentException: an unpaired surrogate, which System.Text.Json refuses before parsing.
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Broken JSON-LD is common in the wild; the page is still readable without it.
                return [];
            }
            return Flatten(root);
        }

        private static IEnumerable<JsonObject> Flatten(JsonNode? node)
        {
            var pending = new Stack<JsonNode?>([node]);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case JsonArray array:
                        foreach (var item in array.Reverse())
                            pending.Push(item);
                        break;
                    case JsonObject obj when obj["@graph"] is JsonArray graph:
                        pending.Push(graph);
                        break;
                    case JsonObject obj:
                        yield return obj;
                        break;
                }
            }
        }

        public static bool IsArticle(JsonObject obj) =>
            Types(obj).Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "ClaimReview");

        public static bool HasType(JsonObject obj, string type) => Types(obj).Contains(type);

        private static IEnumerable<string> Types(JsonObject obj) => obj["@type"] switch
        {
            JsonArray many => many.Select(Text).OfType<string>(),
            var one when Text(one) is { } type => [type],
            _ => [],
        };

        /// <summary>"author" may be a name, a Person or Organization object, or an array of either.</summary>
        public static List<string> Names(JsonNode? node) => node switch
        {
            JsonArray many => [.. many.SelectMany(Names).Distinct()],
            JsonObject one when Text(one["name"]) is { } name => [name],
            _ when Text(node) is { } name && !name.Contains("://", StringComparison.Ordinal) => [name],
            _ => [],
        };

        public static string? Text(JsonNode? node) =>
            node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }
}
