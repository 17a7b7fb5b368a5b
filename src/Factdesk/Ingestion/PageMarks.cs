using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Factdesk.Ingestion;

/// <summary>
/// The elements <see cref="HtmlMetadata"/> reads, gathered in one walk of the page rather than one selector
/// query each: every query walks the whole tree again, and together they cost as much as finding the article.
/// </summary>
internal sealed class PageMarks
{
    /// <summary>http-equiv headers share the table of named meta tags under a key no name can clash with.</summary>
    public const string ContentLanguage = "http-equiv:content-language";

    public PageMarks(IHtmlDocument page)
    {
        var pending = new Stack<(IElement Element, bool InArticle)>();
        pending.Push((page.DocumentElement, false));
        while (pending.Count > 0)
        {
            var (element, inArticle) = pending.Pop();
            Note(element, inArticle);
            var childInArticle = inArticle || element.TagName is "ARTICLE" or "MAIN";
            for (var child = element.LastElementChild; child != null; child = child.PreviousElementSibling)
                pending.Push((child, childInArticle));
        }
    }

    /// <summary>
    /// The content of every named meta tag: the first tag with a name wins, and a blank content stays null
    /// rather than letting a later tag of the same name stand in.
    /// </summary>
    public Dictionary<string, string?> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first canonical link's address.</summary>
    public string? Canonical { get; private set; }

    /// <summary>The text of each JSON-LD script, in page order.</summary>
    public List<string> LinkedData { get; } = [];

    /// <summary>
    /// A &lt;time&gt; flagged as the publication date, else the first &lt;time datetime&gt; inside the article
    /// (later ones are comments or related stories). Times elsewhere date sidebars and "last updated" stamps as
    /// often as the article, so they are not used.
    /// </summary>
    public string? Time => _flaggedTime ?? _articleTime;

    private string? _flaggedTime;
    private string? _articleTime;

    private void Note(IElement element, bool inArticle)
    {
        switch (element.TagName)
        {
            case "META":
                var name = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
                if (name != null)
                    Meta.TryAdd(name, NonBlank(element.GetAttribute("content")));
                if (string.Equals(element.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase))
                    Meta.TryAdd(ContentLanguage, element.GetAttribute("content"));
                break;
            case "LINK" when Canonical is null && element.GetAttribute("rel") is { } rel &&
                             rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase):
                Canonical = element.GetAttribute("href");
                break;
            case "SCRIPT" when string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                LinkedData.Add(element.TextContent);
                break;
            case "TIME" when element.GetAttribute("datetime") is { } datetime:
                if (_flaggedTime is null && (element.GetAttribute("itemprop") == "datePublished" || element.HasAttribute("pubdate")))
                    _flaggedTime = datetime;
                if (_articleTime is null && inArticle)
                    _articleTime = datetime;
                break;
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
