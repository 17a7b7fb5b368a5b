namespace Factdesk.Ingestion;

/// <summary>
/// A cheap scan of tag opens and closes that bounds how deeply a page nests. AngleSharp slows to a
/// crawl and walking absurdly deep pages costs as much, so those are refused before parsing.
/// </summary>
internal static class HtmlDepth
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Uncounted = new HashSet<string>(
    [
        // Void elements never hold children.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // Elements whose end tag may be left out: counting them would charge well-formed sloppy pages for depth they do not have.
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawText = new HashSet<string>(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True as soon as more than <paramref name="limit"/> elements are open at once.</summary>
    public static bool Exceeds(string html, int limit)
    {
        var depth = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            int end;
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                end = IndexAfter(html, "-->", i + 4);
            }
            else if (next == '/')
            {
                var name = TagName(html, i + 2);
                if (name.Length > 0 && !Uncounted.Contains(name))
                    depth = Math.Max(0, depth - 1);
                end = IndexAfter(html, ">", i);
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = TagName(html, i + 1);
                end = IndexAfter(html, ">", i);
                var selfClosing = end > 1 && html[end - 2] == '/';
                if (RawText.Contains(name))
                    end = IndexAfter(html, $"</{name}", end, StringComparison.OrdinalIgnoreCase);
                else if (!selfClosing && !Uncounted.Contains(name) && ++depth > limit)
                    return true;
            }
            else
            {
                // "<!doctype", "<?xml" and a stray "<" in text hold no children.
                end = next is '!' or '?' ? IndexAfter(html, ">", i) : i + 1;
            }
            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }
        return false;
    }

    private static ReadOnlySpan<char> TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
            end++;
        return html.AsSpan(start, end - start);
    }

    private static int IndexAfter(string html, string value, int from, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = html.IndexOf(value, from, comparison);
        return at < 0 ? html.Length : at + value.Length;
    }
}
