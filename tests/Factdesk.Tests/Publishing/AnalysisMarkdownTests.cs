using AngleSharp.Html.Parser;
using Factdesk.Publishing.Site;

namespace Factdesk.Tests.Publishing;

public sealed class AnalysisMarkdownTests
{
    private static AngleSharp.Dom.IElement Rendered(string markdown)
    {
        var html = AnalysisMarkdown.Render(markdown).Html;
        return new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body><div id=\"analysis\">{html}</div></body></html>").QuerySelector("#analysis")!;
    }

    [Fact]
    public void Headings_lists_and_links_render_with_headings_below_the_pages_own()
    {
        var analysis = Rendered("""
            # What the records show

            The council's [minutes](https://council.example/minutes) say:

            - the bridge closed in **2019**
            - it reopened in 2021

            ## Why it matters
            """);
        Assert.Equal(["H3", "H4"], analysis.QuerySelectorAll("h3, h4").Select(h => h.TagName));
        Assert.Equal("What the records show", analysis.QuerySelector("h3")!.TextContent);
        Assert.Equal(2, analysis.QuerySelectorAll("ul > li").Length);
        Assert.Equal("2019", analysis.QuerySelector("li strong")!.TextContent);
        var link = Assert.Single(analysis.QuerySelectorAll("a"));
        Assert.Equal(("https://council.example/minutes", "minutes"), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public void Scripts_event_handlers_and_javascript_links_do_not_survive()
    {
        const string Hostile = """
            <script>alert(1)</script>

            <img src=x onerror="alert(2)">

            [x](javascript:alert(3)) and [y](JaVaScRiPt:alert(4)) and <javascript:alert(5)>

            ![pic](javascript:alert(6))

            <a href="https://ok.example" onclick="alert(7)">raw link</a>
            """;
        var rendered = AnalysisMarkdown.Render(Hostile);
        var analysis = Rendered(Hostile);
        Assert.Empty(analysis.QuerySelectorAll("script, img[onerror], [onclick], [onerror], iframe, object"));
        Assert.All(analysis.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(analysis.QuerySelectorAll("[href], [src]"), e =>
            Assert.DoesNotContain("javascript", (e.GetAttribute("href") ?? e.GetAttribute("src"))!, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(rendered.Links);
        // Raw HTML is shown as the words it is, so a reader sees what the author typed.
        Assert.Contains("<script>alert(1)</script>", analysis.TextContent);
        Assert.Contains("onerror", analysis.TextContent);
    }

    [Fact]
    public void The_links_cited_are_the_web_links_once_each()
    {
        var rendered = AnalysisMarkdown.Render("See [a](https://a.example/1), [again](https://a.example/1), [mail](mailto:x@y.example) and https://b.example/2.");
        Assert.Equal(["https://a.example/1", "https://b.example/2"], rendered.Links);
    }
}
