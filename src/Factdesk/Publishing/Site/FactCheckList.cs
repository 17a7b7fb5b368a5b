using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>A list of fact-checks linking to their pages, as the index and the claimant pages show them.</summary>
internal static class FactCheckList
{
    public static string Render(IEnumerable<SiteEntry> entries, string root, bool withClaimant = true)
    {
        var list = new StringBuilder("<ul class=\"checks\">\n");
        foreach (var entry in entries)
        {
            list.Append($"<li><a href=\"{root}{entry.PagePath}\">{Html.Encode(entry.Fact.Claim)}</a> {VerdictBadge.Render(entry)}");
            var about = new List<string>();
            if (withClaimant && entry.Claimant is { } claimant) about.Add(Html.Encode(claimant));
            if (entry.Fact.Publisher is { } publisher) about.Add($"checked by {Html.Encode(publisher)}");
            if ((entry.Fact.ReviewDate ?? entry.Fact.ClaimDate) is { } date) about.Add(Html.Encode(date));
            if (about.Count > 0) list.Append($" <span class=\"meta\">{string.Join(", ", about)}</span>");
            list.Append("</li>\n");
        }
        return list.Append("</ul>\n").ToString();
    }

    /// <summary>Newest first; undated last, then by id so the order is stable between runs.</summary>
    public static IEnumerable<SiteEntry> NewestFirst(IEnumerable<SiteEntry> entries) =>
        entries.OrderByDescending(e => e.Date.HasValue).ThenByDescending(e => e.Date).ThenByDescending(e => e.Id);
}
