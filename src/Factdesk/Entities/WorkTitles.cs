using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// Titles of books, films and reports written in quotation marks (“Counter Jihad: ...”). They are neither
/// quotes nor sources of entities, and the quote finder skips them too.
/// </summary>
public static class WorkTitles
{
    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "book", "books", "film", "movie", "novel", "documentary", "song", "album", "series", "show", "programme",
        "program", "titled", "entitled", "called", "headlined", "memoir", "play", "poem", "essay", "paper", "study",
        "podcast", "episode",
    };

    /// <summary>Spans of the quoted titles, marks included.</summary>
    public static List<Sentence> Find(Document document)
    {
        var found = new List<Sentence>();
        var tokens = document.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Quote || !QuoteMarks.IsDouble(t.Text[0]) || t.Text[0] is '”' or '»') continue;
            if (!Cues.Contains(tokens[i - 1].Text)) continue;
            var close = FindClose(tokens, i + 1);
            if (close > 0 && Words.CapitalisedShare(tokens, i + 1, close, out var words) >= 0.6 && words > 0)
                found.Add(new Sentence(t.Start, tokens[close].End));
        }
        return found;
    }

    private static int FindClose(List<Token> tokens, int from)
    {
        for (var j = from; j < tokens.Count && j < from + 40; j++)
            if (tokens[j].Kind == TokenKind.Quote && QuoteMarks.IsDouble(tokens[j].Text[0])) return j;
        return -1;
    }
}
