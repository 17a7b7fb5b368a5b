using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Factdesk.Publishing.Site;

/// <summary>The page frame every site page shares, and the encoding every text from the store goes through.</summary>
internal static class Html
{
    public const string SiteName = "Fact-checks";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A whole page. <paramref name="root"/> is the way back to the site root from the page ("" or "../"), so the
    /// site works from any folder and from file:// without a server.
    /// </summary>
    public static string Page(string title, string root, string body, string? head = null)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append($"<title>{Encode(title)} · {SiteName}</title>\n");
        page.Append($"<link rel=\"stylesheet\" href=\"{root}site.css\">\n");
        page.Append($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Newest fact-checks\" href=\"{root}feed.xml\">\n");
        if (head is not null) page.Append(head);
        page.Append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
        page.Append($"<header>\n<nav aria-label=\"Site\"><a href=\"{root}index.html\">{SiteName}</a> · <a href=\"{root}index.html#by-claimant\">Claimants</a> · <a href=\"{root}feed.xml\">Atom feed</a></nav>\n</header>\n");
        page.Append("<main id=\"main\">\n").Append(body).Append("</main>\n");
        page.Append($"<footer><p>Published with Factdesk. Machine-readable: <a href=\"{root}datafeed.json\">ClaimReview data feed</a>.</p></footer>\n");
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>
    /// JSON-LD for a script element. The default encoder already writes &lt; as \u003C; replacing any that remain keeps
    /// "&lt;/script&gt;" and "&lt;!--" out of the element whatever the serializer does. A raw &lt; can only occur inside
    /// JSON strings, where \u003c means the same character.
    /// </summary>
    public static string JsonLdScript(JsonObject json)
    {
        var text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
            .Replace("<", "\\u003c", StringComparison.Ordinal);
        return $"<script type=\"application/ld+json\">\n{text}\n</script>\n";
    }
}
