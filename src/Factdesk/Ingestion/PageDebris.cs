using System.Text.RegularExpressions;

namespace Factdesk.Ingestion;

/// <summary>
/// Paragraphs that readability keeps from a page but that are not the article: photo captions and credits,
/// publication stamps, bylines, calls to action, copyright lines, and the "you may also like" block that
/// closes many pages. Applied to text extracted from HTML only: a plain-text file is taken as the writer meant it.
/// </summary>
internal static partial class PageDebris
{
    // Only short paragraphs are judged line by line: a long one is prose, whatever it starts with.
    private const int MaxDebrisLength = 200;

    /// <summary>Only a heading in the second half of the text starts the closing block: earlier, it is a section title.</summary>
    private const double TailStart = 0.5;

    public static string Strip(string text)
    {
        var paragraphs = text.Split("\n\n").ToList();
        CutTail(paragraphs);
        paragraphs.RemoveAll(IsDebris);
        return string.Join("\n\n", paragraphs);
    }

    private static void CutTail(List<string> paragraphs)
    {
        var total = paragraphs.Sum(p => p.Length);
        var seen = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (seen > total * TailStart && paragraphs[i].Length <= MaxDebrisLength && TailHeading().IsMatch(paragraphs[i]))
            {
                paragraphs.RemoveRange(i, paragraphs.Count - i);
                return;
            }
            seen += paragraphs[i].Length;
        }
    }

    private static bool IsDebris(string paragraph) =>
        paragraph.Length <= MaxDebrisLength && (Line().IsMatch(paragraph) || CreditAtEnd().IsMatch(paragraph));

    [GeneratedRegex("""
        ^(?:
          (you\ (may|might)\ also\ (like|enjoy)|you\ may\ have\ missed|more\ (from|on)\ \w+(\ \w+)?|recommended(\ for\ you)?
          |want\ more\ stories\ like\ this|related\ (coverage|reading|news)|more\ stories|trending(\ now)?|popular\ (now|stories)
          |tell\ us\ what\ you\ think|join\ the\ (conversation|discussion)|leave\ a\ (comment|reply)|\d*\ ?comments?
          |what\ do\ you\ think|most\ (read|viewed|popular|shared))\b[^.]{0,40}[.?:!…]*
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, 1000)]
    private static partial Regex TailHeading();

    // Whole paragraphs: stamps, bylines, picture counters, calls to action and copyright lines.
    [GeneratedRegex("""
        ^(?:
          \|?\s*(published|updated|posted|last\ updated|first\ published|modified)\b[\s:]*(on\ |at\ )?[\w\s,:/.+-]{0,70}
        | by\ [\p{Lu}][\p{L}.'’-]+(\ [\p{Lu}][\p{L}.'’-]+){0,3}(\s*(,|-|–|—|\||and)\s*[^.]{0,60})?
        | (image|photo|picture|slide)\ \d+\ of\ /?\ ?\d*
        | (photo|image|picture|credit|caption)s?\s*:.{0,120}
        | (see|read|watch|click)\ (more|also|here|next)\b.{0,150}
        | (?=.{0,100}$)[^.]*\bclick(ing)?\ here\b.*
        | don'?’?t\ miss.{0,150}
        | (©|copyright\b|\(c\)\ ).{0,150}
        | .{0,150}\ all\ rights\ reserved\.?
        | this\ (slideshow|video|content)\ requires\ javascript\.?
        | continue\ reading(\ below)?
        | (related|also\ on\ [\w.]+|on\ [\w-]+\.(com|org|net|co\.uk))\s*:.{0,180}
        | (subscribe|sign\ up|join\ (our|us)|follow\ us|like\ this\ (story|article)\?)\b.{0,180}
        | this\ (post|article|page|story)\ (may\ )?contains?\ affiliate.{0,150}
        | (\S+\s+){0,2}https?://\S+
        | (([\w.+-]+@[\w-]+\.[\w.]+|(www\.|twitter\.com/)\S+|@\w+)\s*){1,4}
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, 1000)]
    private static partial Regex Line();

    // Captions end with the picture's credit: "(Image: GETTY)", "(AP Photo/Jane Doe)", "(Getty Images)".
    [GeneratedRegex("""\((image|photo|picture|credit|ap\ photo|reuters|afp|getty|file\ photo)[^()]{0,80}\)\s*$""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, 1000)]
    private static partial Regex CreditAtEnd();
}
