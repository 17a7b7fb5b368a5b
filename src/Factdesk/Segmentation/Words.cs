using Factdesk.Documents;

namespace Factdesk.Segmentation;

/// <summary>Counting and matching words in raw text and token runs, shared by the stages.</summary>
public static class Words
{
    /// <summary>The number of words (runs of letters or digits) in text[start..end).</summary>
    public static int Count(string text, int start, int end)
    {
        var count = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }

    /// <summary>Whether <paramref name="word"/> (or phrase) occurs in <paramref name="text"/> with no letter on either side.</summary>
    public static bool ContainsWord(string text, string word, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        var i = 0;
        while ((i = text.IndexOf(word, i, comparison)) >= 0)
        {
            var before = i == 0 || !char.IsLetter(text[i - 1]);
            var after = i + word.Length >= text.Length || !char.IsLetter(text[i + word.Length]);
            if (before && after) return true;
            i += word.Length;
        }
        return false;
    }

    /// <summary>
    /// The share of capitalised words among the words longer than three letters in tokens [from, to), and how many
    /// such words there are. Title-case headlines and titles of works capitalise nearly all of them; prose does not.
    /// </summary>
    public static double CapitalisedShare(List<Token> tokens, int from, int to, out int words)
    {
        words = 0;
        var capitalised = 0;
        for (var i = from; i < to && i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || t.Text.Length <= 3) continue;
            words++;
            if (char.IsUpper(t.Text[0])) capitalised++;
        }
        return words == 0 ? 0 : (double)capitalised / words;
    }
}
