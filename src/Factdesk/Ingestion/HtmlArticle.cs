using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Factdesk.Ingestion;

/// <summary>The main text of a page (SmartReader's readability extraction) and what the page says about itself.</summary>
internal sealed record HtmlArticle(string Text, HtmlMetadata Metadata, string? ReaderTitle, string? ReaderSite, string? ReaderLanguage)
{
    // SmartReader wants an address to resolve links against; the text does not depend on it.
    private const string PlaceholderUrl = "http://localhost/";

    public static HtmlArticle Read(string html)
    {
        var parser = new HtmlParser();
        var page = parser.ParseDocument(html);
        // SmartReader prunes the document it is given, so the head is read first.
        var metadata = HtmlMetadata.Read(page);
        using var reader = new SmartReader.Reader(metadata.Url ?? PlaceholderUrl, page);
        var article = reader.GetArticle();
        // SmartReader's TextContent keeps the line breaks of the HTML source inside paragraphs,
        // so the text is taken from its cleaned HTML instead.
        var text = string.IsNullOrWhiteSpace(article.Content) ? "" : VisibleText(parser.ParseDocument(article.Content), ReaderHidden);
        if (string.IsNullOrWhiteSpace(text))
            text = VisibleText(parser.ParseDocument(html), PageHidden);
        return new HtmlArticle(text, metadata, Blank(article.Title), Blank(article.SiteName), Blank(article.Language));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Photo captions are not article sentences; SmartReader keeps them.
    private static readonly HashSet<string> ReaderHidden =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "HEAD", "FIGCAPTION"];

    private static readonly HashSet<string> PageHidden = [.. ReaderHidden, "NAV", "HEADER", "FOOTER", "ASIDE", "FORM"];

    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL",
        "BLOCKQUOTE", "FIGURE", "FIGCAPTION", "TABLE", "TR", "PRE", "DL", "DT", "DD",
    ];

    /// <summary>
    /// The text of a document, one block a paragraph. Also used on whole pages that SmartReader does
    /// not consider an article: short pages still have text worth checking.
    /// </summary>
    private static string VisibleText(IHtmlDocument page, HashSet<string> hidden)
    {
        var text = new StringBuilder();
        var pending = new Stack<(INode Node, bool Closing)>();
        if (page.Body is { } body)
            pending.Push((body, false));
        while (pending.Count > 0)
        {
            var (node, closing) = pending.Pop();
            var block = node is IElement e && Blocks.Contains(e.TagName);
            if (closing)
            {
                text.Append(block ? "\n\n" : "");
                continue;
            }
            switch (node)
            {
                case IText t:
                    // Line breaks in the HTML source are layout, not paragraph ends.
                    text.Append(t.Data.ReplaceLineEndings(" "));
                    break;
                case IElement { TagName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement element when !hidden.Contains(element.TagName):
                    if (block)
                        text.Append("\n\n");
                    pending.Push((element, true));
                    for (var child = element.LastChild; child != null; child = child.PreviousSibling)
                        pending.Push((child, false));
                    break;
            }
        }
        return text.ToString();
    }
}
