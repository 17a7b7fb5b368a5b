using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>A claimant's record: how many of their checked claims got each verdict, and every one of those fact-checks.</summary>
internal static class ClaimantPage
{
    private const string Root = "../";

    public static string Render(string claimant, IReadOnlyList<SiteEntry> entries, RatingScale scale)
    {
        var body = new StringBuilder($"<h1>{Html.Encode(claimant)}</h1>\n");
        var roles = entries.Select(e => e.Fact.ClaimantTitle).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (roles.Count > 0) body.Append($"<p class=\"role\">{Html.Encode(string.Join("; ", roles))}</p>\n");

        body.Append("<section aria-labelledby=\"record\">\n<h2 id=\"record\">Record</h2>\n<table>\n");
        body.Append($"<caption>Verdicts on {entries.Count.ToString(CultureInfo.InvariantCulture)} checked claim(s)</caption>\n");
        body.Append("<thead><tr><th scope=\"col\">Verdict</th><th scope=\"col\">Claims</th><th scope=\"col\">Share</th></tr></thead>\n<tbody>\n");
        foreach (var group in VerdictGroups.Of(entries, scale))
        {
            var share = (double)group.Entries.Count / entries.Count;
            body.Append($"<tr><th scope=\"row\"><span class=\"badge {VerdictBadge.ClassOf(group.Label)}\">{Html.Encode(group.Name)}</span></th>");
            body.Append($"<td>{group.Entries.Count.ToString(CultureInfo.InvariantCulture)}</td><td>{share.ToString("P0", CultureInfo.InvariantCulture)}</td></tr>\n");
        }
        body.Append("</tbody>\n</table>\n</section>\n");

        body.Append("<section aria-labelledby=\"checks\">\n<h2 id=\"checks\">Fact-checks</h2>\n");
        body.Append(FactCheckList.Render(FactCheckList.NewestFirst(entries), Root, withClaimant: false));
        body.Append("</section>\n");
        return Html.Page(claimant, Root, body.ToString());
    }
}
