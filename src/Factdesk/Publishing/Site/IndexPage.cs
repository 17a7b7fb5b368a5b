using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>The front page: every fact-check by date, by verdict and by claimant, browsable without search or JavaScript.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<SiteEntry> entries, RatingScale scale)
    {
        var body = new StringBuilder($"<h1>{Html.SiteName}</h1>\n");
        if (entries.Count == 0)
        {
            body.Append("<p class=\"empty\">No fact-checks have been published yet: the store holds none. Import some with <code>factdesk import</code>, then publish again.</p>\n");
            return Html.Page(Html.SiteName, "", body.ToString());
        }
        body.Append($"<p>{entries.Count.ToString(CultureInfo.InvariantCulture)} fact-check(s), rated on the {Html.Encode(scale.Name)} scale.</p>\n");
        body.Append("<nav aria-label=\"Browse\"><ul><li><a href=\"#by-date\">By date</a></li><li><a href=\"#by-verdict\">By verdict</a></li><li><a href=\"#by-claimant\">By claimant</a></li></ul></nav>\n");

        body.Append("<section aria-labelledby=\"by-date\">\n<h2 id=\"by-date\">By date, newest first</h2>\n");
        body.Append(FactCheckList.Render(FactCheckList.NewestFirst(entries), ""));
        body.Append("</section>\n");

        body.Append("<section aria-labelledby=\"by-verdict\">\n<h2 id=\"by-verdict\">By verdict</h2>\n");
        var index = 0;
        foreach (var group in VerdictGroups.Of(entries, scale))
        {
            var id = $"verdict-group-{index++}";
            body.Append($"<section aria-labelledby=\"{id}\">\n<h3 id=\"{id}\"><span class=\"badge {VerdictBadge.ClassOf(group.Label)}\">{Html.Encode(group.Name)}</span> ");
            body.Append($"<span class=\"count\">{group.Entries.Count.ToString(CultureInfo.InvariantCulture)}</span></h3>\n");
            body.Append(FactCheckList.Render(FactCheckList.NewestFirst(group.Entries), ""));
            body.Append("</section>\n");
        }
        body.Append("</section>\n");

        body.Append("<section aria-labelledby=\"by-claimant\">\n<h2 id=\"by-claimant\">By claimant</h2>\n<ul class=\"claimants\">\n");
        foreach (var claimant in entries.Where(e => e.Claimant is not null).GroupBy(e => e.Claimant!, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            body.Append($"<li><a href=\"{SiteLinks.ClaimantPath(claimant.Key)}\">{Html.Encode(claimant.Key)}</a> ");
            body.Append($"<span class=\"count\">{claimant.Count().ToString(CultureInfo.InvariantCulture)} fact-check(s)</span></li>\n");
        }
        body.Append("</ul>\n");
        var anonymous = entries.Count(e => e.Claimant is null);
        if (anonymous > 0)
            body.Append($"<p>{anonymous.ToString(CultureInfo.InvariantCulture)} fact-check(s) name no claimant; they are listed by date and by verdict above.</p>\n");
        body.Append("</section>\n");
        return Html.Page(Html.SiteName, "", body.ToString());
    }
}
