using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>
/// One fact-check's page: the claim card, the verdict badge and summary, the analysis, the sources (the publisher's
/// review, where the claim appeared, what the analysis cites), and its ClaimReview JSON-LD.
/// </summary>
internal static class FactCheckPage
{
    private const string Root = "../";

    public static string Render(SiteEntry entry)
    {
        var fact = entry.Fact;
        var body = new StringBuilder();
        body.Append("<article>\n");
        body.Append($"<h1>{Html.Encode(entry.Headline)}</h1>\n");

        body.Append("<section class=\"claim-card\" aria-labelledby=\"claim\">\n<h2 id=\"claim\">The claim</h2>\n");
        var lang = fact.Language is { Length: > 0 and <= 35 } l ? $" lang=\"{Html.Encode(l)}\"" : "";
        body.Append($"<blockquote{lang}><p>{Html.Encode(fact.Claim)}</p></blockquote>\n<dl>\n");
        var claimant = entry.Claimant is { } name
            ? $"<a href=\"{Root}{SiteLinks.ClaimantPath(name)}\">{Html.Encode(name)}</a>"
            : "Not known";
        Field(body, "Claimant", claimant);
        if (fact.ClaimantTitle is { } title) Field(body, "Role", Html.Encode(title));
        if (fact.ClaimDate is { } said) Field(body, "Claim made", Html.Encode(said));
        body.Append("</dl>\n</section>\n");

        body.Append("<section aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">Verdict</h2>\n");
        body.Append($"<p>{VerdictBadge.Render(entry)}</p>\n");
        if (entry.Label is { Description.Length: > 0 } label) body.Append($"<p>{Html.Encode(label.Description)}</p>\n");
        if (fact.Summary is { } summary) body.Append($"<p class=\"summary\">{Html.Encode(summary)}</p>\n");
        body.Append("</section>\n");

        var analysis = fact.Analysis is { } markdown ? AnalysisMarkdown.Render(markdown) : null;
        if (analysis is not null)
            body.Append($"<section class=\"analysis\" aria-labelledby=\"analysis\">\n<h2 id=\"analysis\">Analysis</h2>\n{analysis.Html}</section>\n");

        body.Append("<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n<dl>\n");
        Field(body, "Reviewed by", Html.Encode(fact.Publisher ?? "Not known"));
        if (fact.ReviewDate is { } reviewed) Field(body, "Review published", Html.Encode(reviewed));
        body.Append("</dl>\n");
        if (SiteLinks.SafeExternal(fact.Url) is { } url)
            body.Append($"<p><a href=\"{Html.Encode(url)}\" rel=\"external\">Read the full fact-check</a> <span class=\"url\">({Html.Encode(url)})</span></p>\n");
        else
            body.Append("<p>No link to the published review is known.</p>\n");
        Links(body, "Where the claim appeared", "appeared", entry.Appearances);
        Links(body, "Cited in the analysis", "cited", analysis?.Links ?? []);
        body.Append("</section>\n</article>\n");

        return Html.Page(entry.Headline, Root, body.ToString(), entry.ClaimReview is { } review ? Html.JsonLdScript(review) : null);
    }

    private static void Field(StringBuilder body, string name, string valueHtml) =>
        body.Append($"<dt>{name}</dt><dd>{valueHtml}</dd>\n");

    private static void Links(StringBuilder body, string heading, string id, IReadOnlyList<string> urls)
    {
        if (urls.Count == 0) return;
        body.Append($"<h3 id=\"{id}\">{heading}</h3>\n<ul aria-labelledby=\"{id}\">\n");
        foreach (var url in urls)
            body.Append($"<li><a href=\"{Html.Encode(url)}\" rel=\"external nofollow\">{Html.Encode(url)}</a></li>\n");
        body.Append("</ul>\n");
    }
}
