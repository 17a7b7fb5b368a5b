using System.Globalization;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Pages;

/// <summary>
/// Long lists (articles, checks, comments, the audit log) are shown a page at a time: ?page=N, pages of
/// <see cref="Size"/>. A list is read with one row more than a page, which says whether an older page exists.
/// </summary>
public readonly record struct Paging(int Number, int Size = Paging.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public int Offset => (Number - 1) * Size;

    /// <summary>How many rows to read: one more than a page.</summary>
    public int Probe => Size + 1;

    /// <summary>The page asked for in the query string (?page=N, and ?size=N for the API); anything else is page 1 of the default size.</summary>
    public static Paging From(HttpContext context, string parameter = "page")
    {
        var number = int.TryParse(context.Request.Query[parameter], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000 ? n : 1;
        var size = int.TryParse(context.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= MaxSize ? s : DefaultSize;
        return new Paging(number, size);
    }

    /// <summary>The rows of this page out of the <see cref="Probe"/> rows read.</summary>
    public IReadOnlyList<T> Rows<T>(IReadOnlyList<T> read) => read.Count > Size ? read.Take(Size).ToList() : read;

    /// <summary>"Newer" and "Older" links around the list; <paramref name="path"/> may carry a query string of its own.</summary>
    public string Links<T>(string path, IReadOnlyList<T> read, string parameter = "page", string fragment = "")
    {
        var more = read.Count > Size;
        if (Number == 1 && !more) return "";
        string Link(int page) => $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{parameter}={page.ToString(CultureInfo.InvariantCulture)}{fragment}";
        var links = new List<string>();
        if (Number > 1) links.Add($"<a rel=\"prev\" href=\"{E(Link(Number - 1))}\">← Newer</a>");
        links.Add($"<span>Page {Number.ToString(CultureInfo.InvariantCulture)}</span>");
        if (more) links.Add($"<a rel=\"next\" href=\"{E(Link(Number + 1))}\">Older →</a>");
        return $"<nav class=\"paging\" aria-label=\"Pages\">{string.Join(" ", links)}</nav>";
    }
}
