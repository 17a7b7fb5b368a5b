using Factdesk.Documents;

namespace Factdesk.Segmentation;

/// <summary>
/// Splits text into word, number, punctuation and quotation-mark tokens with offsets.
/// A single linear scan: no regular expressions, so hostile input cannot make it backtrack.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int j;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                j = ScanWord(text, i, end);
                kind = char.IsDigit(c) && IsNumber(text, i, j) ? TokenKind.Number : TokenKind.Word;
            }
            else
            {
                j = i + 1;
                if (char.IsSurrogate(c) && j < end) j++;
                kind = QuoteMarks.IsQuoteChar(c) ? TokenKind.Quote
                    : char.IsPunctuation(c) || char.IsSymbol(c) ? TokenKind.Punctuation
                    : TokenKind.Other;
            }
            tokens.Add(new Token(i, j, text[i..j], kind));
            i = j;
        }
        return tokens;
    }

    /// <summary>
    /// A word runs over letters and digits, and keeps inner apostrophes (it’s), inner hyphens (al-Hamam)
    /// and the periods of abbreviations (U.S., e.g.), which the sentence splitter relies on.
    /// </summary>
    private static int ScanWord(string text, int i, int end)
    {
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c) || c == '\u0301') { j++; continue; }
            var next = j + 1 < end ? text[j + 1] : '\0';
            if ((c == '\'' || c == '’') && char.IsLetter(next) && j > i && char.IsLetter(text[j - 1])) { j++; continue; }
            if ((c == '-' || c == '‐') && char.IsLetterOrDigit(next) && j > i && !text.AsSpan(i, j - i).Contains('.')) { j++; continue; }
            if (c == '.' && IsAbbreviationPeriod(text, i, j, end)) { j++; continue; }
            if ((c == ',' || c == '.') && char.IsDigit(next) && j > i && char.IsDigit(text[j - 1])) { j++; continue; }
            break;
        }
        return j;
    }

    // "U.S." and "e.g." are single letters joined by periods; the final period belongs to the word too.
    private static bool IsAbbreviationPeriod(string text, int wordStart, int dot, int end)
    {
        var segmentStart = text.LastIndexOf('.', dot - 1, dot - wordStart) + 1;
        if (segmentStart <= wordStart) segmentStart = wordStart;
        var segmentLength = dot - segmentStart;
        if (segmentLength != 1 || !char.IsLetter(text[segmentStart])) return false;
        var next = dot + 1 < end ? text[dot + 1] : '\0';
        var joined = segmentStart > wordStart; // already inside "U.S"
        return joined || (char.IsLetter(next) && dot + 2 < end && text[dot + 2] == '.');
    }

    private static bool IsNumber(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
            if (!char.IsDigit(text[k]) && text[k] != ',' && text[k] != '.') return false;
        return true;
    }
}
