using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Factdesk.Ingestion;

/// <summary>The main text of a page (<see cref="MainContent"/>) and what the page says about itself.</summary>
internal sealed record HtmlArticle(string Text, HtmlMetadata Metadata)
{
    // A parser is costly to set up (it builds a browsing context) and cheap to reuse; one a thread keeps
    // callers that read pages in parallel safe. Comments and source positions are never read, so neither is kept.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        SkipComments = true,
        DisableElementPositionTracking = true,
    }));

    public static HtmlArticle Read(string html)
    {
        var page = Parser.Value!.ParseDocument(html);
        var metadata = HtmlMetadata.Read(page);
        var text = page.Body is { } body ? MainContent.Text(body) : null;
        // A page with no prose block (a short notice, a list) still has text worth checking.
        if (string.IsNullOrWhiteSpace(text))
            text = VisibleText(page);
        return new HtmlArticle(text, metadata);
    }

    // Photo captions are not article sentences, and page chrome is not either.
    private static readonly HashSet<string> PageHidden =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "HEAD", "FIGCAPTION", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM"];

    /// <summary>The text of a whole page, one block a paragraph, for pages in which <see cref="MainContent"/> finds no article.</summary>
    private static string VisibleText(IHtmlDocument page)
    {
        var text = new StringBuilder();
        if (page.Body is { } body)
            BlockText.Append(text, body, element => !PageHidden.Contains(element.TagName));
        return text.ToString();
    }
}
