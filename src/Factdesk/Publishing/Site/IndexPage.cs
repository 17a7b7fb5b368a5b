using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>
/// The front page: the newest fact-checks with pages of older ones, the verdicts and the claimants, each linking on
/// to its own page, so every fact-check is reachable without search or JavaScript.
/// </summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<SiteEntry> entries, RatingScale scale, IReadOnlyList<IReadOnlyList<SiteEntry>> datePages, IReadOnlyList<VerdictGroup> verdicts)
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
        body.Append(FactCheckList.Render(datePages[0], ""));
        body.Append(DatePages.Pager(1, datePages.Count, ""));
        body.Append("</section>\n");

        body.Append("<section aria-labelledby=\"by-verdict\">\n<h2 id=\"by-verdict\">By verdict</h2>\n<ul class=\"verdicts\">\n");
        foreach (var group in verdicts)
        {
            body.Append($"<li><a href=\"{SiteLinks.VerdictPath(group.Name)}\"><span class=\"badge {VerdictBadge.ClassOf(group.Label)}\">{Html.Encode(group.Name)}</span></a> ");
            body.Append($"<span class=\"count\">{group.Entries.Count.ToString(CultureInfo.InvariantCulture)} fact-check(s)</span></li>\n");
        }
        body.Append("</ul>\n</section>\n\n");

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
