using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// The header of a fact-check page in the Polygraph.info layout: a name line, a title line (or "Name, title"
/// on one line), then the checked statement alone in quotation marks.
/// </summary>
public sealed record HeaderLayout(QuotationSpan Quote, Speaker Speaker, int NameLineStart)
{
    private const int MaxHeaderLineWords = 14;

    public static HeaderLayout? Find(Document document, IReadOnlyList<QuotationSpan> spans)
    {
        var text = document.Text;
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var quote = spans.FirstOrDefault(s => s.Open == start && s.End >= end - 2);
            if (quote is null)
            {
                if (Words.Count(text, start, end) >= 30) return null; // the header is over once the body begins
                continue;
            }
            if (i == 0) continue;
            var speaker = SpeakerFromLines(document, lines, i);
            if (speaker is not null) return new HeaderLayout(quote, speaker.Value.Speaker, speaker.Value.NameStart);
        }
        return null;
    }

    private static (Speaker Speaker, int NameStart)? SpeakerFromLines(Document document, List<(int Start, int End)> lines, int quoteLine)
    {
        var text = document.Text;
        var (s1, e1) = lines[quoteLine - 1];
        if (!IsHeaderLine(text, s1, e1)) return null;
        var comma = text.IndexOf(", ", s1, e1 - s1, StringComparison.Ordinal);
        if (comma > 0)
        {
            var name = NameIn(document, s1, comma);
            return name is null ? null : (name with { Title = text[(comma + 2)..e1].Trim() }, s1);
        }
        if (quoteLine < 2) return null;
        var (s2, e2) = lines[quoteLine - 2];
        if (!IsHeaderLine(text, s2, e2) || Words.Count(text, s2, e2) > 6) return null;
        var speaker = NameIn(document, s2, e2);
        if (speaker is null) return null;
        var titleLine = text[s1..e1].Trim();
        var org = document.Entities.FirstOrDefault(e => e.Type == EntityType.Org && e.Start >= s1 && e.End <= e1)?.Canonical;
        return (speaker with { Title = titleLine, Organization = speaker.Organization ?? org }, s2);
    }

    private static Speaker? NameIn(Document document, int start, int end)
    {
        var entity = document.Entities.FirstOrDefault(e => e.Start >= start && e.End <= end && e.Type is EntityType.Person or EntityType.Org or EntityType.Location);
        return entity is null ? null : new Speaker(entity.Canonical, null, null);
    }

    private static bool IsHeaderLine(string text, int start, int end)
    {
        var last = text[end - 1];
        return Words.Count(text, start, end) <= MaxHeaderLineWords && last is not ('.' or '!' or '?' or '”' or '"' or ':' or ',');
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) lines.Add((s, e));
            start = i + 1;
        }
        return lines;
    }
}
