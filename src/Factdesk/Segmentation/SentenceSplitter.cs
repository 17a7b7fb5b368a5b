using Factdesk.Documents;

namespace Factdesk.Segmentation;

/// <summary>
/// Rule-based sentence boundaries: line breaks, and terminal punctuation followed by a capitalised
/// start, except after known abbreviations ("Lt. Gen.", "Mr.") and initials.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rev", "hon", "gen", "lt", "col", "maj",
        "capt", "cpt", "sgt", "adm", "cmdr", "brig", "gov", "sen", "rep", "pres", "supt", "insp", "det",
        "inc", "corp", "ltd", "co", "bros", "no", "nos", "vs", "approx", "est", "fig", "vol", "pp", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' or '…' && IsBoundary(text, i, out var end))
            {
                Add(sentences, text, start, end);
                start = end;
                i = end;
                continue;
            }
            i++;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsBoundary(string text, int i, out int end)
    {
        end = i + 1;
        while (end < text.Length && text[end] is '.' or '!' or '?' or '…') end++;
        while (end < text.Length && (text[end] is ')' or ']' or '”' or '’' or '"' or '»' or '\'')) end++;
        if (end >= text.Length) return true;
        if (!char.IsWhiteSpace(text[end])) return false;

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t') next++;
        if (next >= text.Length || text[next] == '\n') return true;
        var n = text[next];
        if (char.IsLower(n)) return false;
        if (text[i] == '.' && IsAbbreviation(text, i)) return false;
        return true;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1])) wordStart--;
        var length = dot - wordStart;
        if (length == 0) return false;
        if (length == 1 && char.IsUpper(text[wordStart])) return true; // an initial: "George W. Bush"
        return Abbreviations.Contains(text.AsSpan(wordStart, length).ToString());
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new Sentence(start, end));
    }
}
