namespace Factdesk.Matching;

/// <summary>
/// The terms a text is searched by: lower-cased words and numbers, web debris (links, handles' @, hashtags' #)
/// removed, common English words dropped, and a light suffix stemming so "claims"/"claimed" meet "claim".
/// </summary>
public static class SearchTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we",
        "you", "i", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us", "not", "no", "so", "if", "than",
        "then", "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "all", "any", "some", "has",
        "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "about",
        "into", "over", "after", "before", "just", "also", "only", "very", "too", "more", "most", "such", "up", "out",
        "pic", "twitter", "com", "http", "https", "www", "t", "co", "s", "rt", "amp",
    };

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetterOrDigit(span[i])) { i++; continue; }
            var start = i;
            while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] is '\'' or '’' && i + 1 < span.Length && char.IsLetter(span[i + 1]))) i++;
            var word = span[start..i].ToString().ToLowerInvariant().Replace("’", "'");
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            if (IsLink(span, start)) { SkipToSpace(span, ref i); continue; }
            if (word.Length == 0 || StopWords.Contains(word)) continue;
            terms.Add(Stem(word));
        }
        return terms;
    }

    private static bool IsLink(ReadOnlySpan<char> text, int start) =>
        text[start..].StartsWith("http", StringComparison.OrdinalIgnoreCase) && text[start..].IndexOf("://", StringComparison.Ordinal) is >= 4 and <= 5
        || text[start..].StartsWith("pic.twitter", StringComparison.OrdinalIgnoreCase);

    private static void SkipToSpace(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
    }

    /// <summary>A light English stemmer: enough for retrieval, never more than a plural or a common verb ending.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return word[..^3];
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)) return word[..^1];
        return word;
    }
}
