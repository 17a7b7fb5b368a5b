using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Factdesk.Publishing.Site;

/// <summary>A fact-check's analysis rendered from Markdown, with the web links it cites.</summary>
internal sealed record RenderedAnalysis(string Html, IReadOnlyList<string> Links);

/// <summary>
/// Turns a team's Markdown analysis into HTML that is safe to put on a page. Two layers, because either alone has
/// gaps: Markdig with raw HTML disabled writes any tag in the text as text, and HtmlSanitizer then removes what
/// Markdown itself can produce that a page must not carry, such as a javascript: link target.
/// </summary>
internal static class AnalysisMarkdown
{
    /// <summary>The page's own headings are h1 and h2, so the analysis's "#" becomes h3 and the outline stays whole.</summary>
    private const int HeadingShift = 2;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener")
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static RenderedAnalysis Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + HeadingShift);
        var links = document.Descendants<LinkInline>()
            .Where(l => !l.IsImage)
            .Select(l => SiteLinks.SafeExternal(l.Url))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new RenderedAnalysis(Sanitizer.Sanitize(document.ToHtml(Pipeline)), links);
    }

    // Only what Markdown writes is allowed; no style, class or id, so the analysis cannot restyle the page or
    // collide with its anchors.
    private static HtmlSanitizer CreateSanitizer() => new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "a", "img",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "rel", "src", "alt", "start" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
    });
}
