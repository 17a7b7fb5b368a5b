using System.Text;

namespace Factdesk.Ingestion;

/// <summary>
/// Turns scraped article text into clean paragraphs: drops page chrome, collapses duplicated
/// photo captions, re-joins paragraphs that a scraper split mid-sentence. Pure and culture-free,
/// so it serves both plain-text files and text extracted from HTML.
/// </summary>
public static class TextCleaner
{
    // A header line (a person's name, their title) is short and is not a sentence.
    private const int MaxHeaderLength = 80;

    public static string Clean(string text)
    {
        var lines = SplitLines(text);
        CollapseRepeatedLines(lines);
        var paragraphs = Paragraphs(lines);
        JoinBrokenParagraphs(paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Normalised, trimmed lines; debris lines are removed, blank lines kept as "".</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = NormaliseSpaces(text.AsSpan(range));
            if (!DebrisLines.IsDebris(line))
                lines.Add(line);
        }
        return lines;
    }

    // Runs of spaces, tabs and no-break spaces are layout, not content; zero-width marks confuse matching.
    private static string NormaliseSpaces(ReadOnlySpan<char> line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line.Trim())
        {
            if (c is '\uFEFF' or '\u200B')
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Pages print a photo's caption and its alt text as two identical lines. Polygraph.info also
    /// prints the claimant's name twice (photo alt and caption) above their title and the claim, and
    /// the claim finder needs that name once; any other repeated line is a photo caption and goes.
    /// </summary>
    private static void CollapseRepeatedLines(List<string> lines)
    {
        for (var i = NextNonBlank(lines, -1); i < lines.Count; i = NextNonBlank(lines, i))
        {
            var twin = RepeatOf(lines, i);
            if (twin < 0)
                continue;
            var after = NextNonBlank(lines, twin);
            var keepOne = IsHeaderLine(lines[i]) && after < lines.Count && RepeatOf(lines, after) < 0 &&
                (IsHeaderLine(lines[after]) || StartsWithQuote(lines[after]));
            // A blank stays where the first copy was: a photo caption line may sit right above it.
            lines.RemoveRange(i + 1, keepOne ? twin - i - 1 : twin - i);
            lines[i] = "";
        }
    }

    /// <summary>The index of an identical copy of line <paramref name="i"/> right below it (one blank line between at most), else -1.</summary>
    private static int RepeatOf(List<string> lines, int i)
    {
        var next = NextNonBlank(lines, i);
        return next < lines.Count && next - i <= 2 && lines[next] == lines[i] ? next : -1;
    }

    private static int NextNonBlank(List<string> lines, int after)
    {
        var i = after + 1;
        while (i < lines.Count && lines[i].Length == 0)
            i++;
        return i;
    }

    private static bool IsHeaderLine(string line) => line.Length < MaxHeaderLength && !EndsSentence(line);

    private static bool StartsWithQuote(string line) => line[0] is '"' or '“' or '„' or '«' or '\'' or '‘';

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or '…';

    private static List<string> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                Flush(current, paragraphs);
                continue;
            }
            if (current.Length > 0)
                current.Append('\n');
            current.Append(line);
        }
        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
            return;
        paragraphs.Add(current.ToString());
        current.Clear();
    }

    /// <summary>Scrapers sometimes break a paragraph at an inline link; the second half then starts in lower case.</summary>
    private static void JoinBrokenParagraphs(List<string> paragraphs)
    {
        for (var i = 0; i + 1 < paragraphs.Count;)
        {
            var next = paragraphs[i + 1];
            if (!EndsClause(paragraphs[i]) && char.IsLower(next[0]))
            {
                paragraphs[i] += " " + next;
                paragraphs.RemoveAt(i + 1);
            }
            else
            {
                i++;
            }
        }
    }

    private static bool EndsClause(string paragraph) =>
        paragraph[^1] is '.' or '!' or '?' or '…' or ':' or ';' or '"' or '”' or '’' or '»' or '\'' or ')' or ']';
}
