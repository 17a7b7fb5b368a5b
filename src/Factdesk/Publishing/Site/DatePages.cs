using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>
/// Every fact-check by date, newest first, in pages: the first on the index, the rest in dates/. Ten thousand
/// fact-checks on one page would be megabytes that a phone renders slowly and a printer wastes paper on.
/// </summary>
internal static class DatePages
{
    public const int DefaultSize = 100;

    public static IReadOnlyList<IReadOnlyList<SiteEntry>> Split(IReadOnlyList<SiteEntry> entries, int size) =>
        FactCheckList.NewestFirst(entries).Chunk(size).ToArray();

    /// <summary>Page <paramref name="number"/> (2 and on) of <paramref name="count"/>.</summary>
    public static string Render(IReadOnlyList<SiteEntry> page, int number, int count)
    {
        const string Root = "../";
        var title = $"By date, page {Number(number)} of {Number(count)}";
        var body = new StringBuilder($"<h1>{title}</h1>\n");
        body.Append(FactCheckList.Render(page, Root));
        body.Append(Pager(number, count, Root));
        return Html.Page(title, Root, body.ToString());
    }

    /// <summary>Links to the newer and older pages; <paramref name="root"/> is the way to the site root from the page it is on.</summary>
    public static string Pager(int number, int count, string root)
    {
        if (count <= 1) return "";
        var pager = new StringBuilder("<nav aria-label=\"Pages by date\" class=\"pager\"><p>");
        if (number > 1)
        {
            var newer = number == 2 ? $"{root}index.html#by-date" : root + SiteLinks.DatePath(number - 1);
            pager.Append($"<a rel=\"prev\" href=\"{newer}\">Newer</a> · ");
        }
        pager.Append($"Page {Number(number)} of {Number(count)}");
        if (number < count) pager.Append($" · <a rel=\"next\" href=\"{root}{SiteLinks.DatePath(number + 1)}\">Older</a>");
        return pager.Append("</p></nav>\n").ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
