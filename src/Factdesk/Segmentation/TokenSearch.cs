using Factdesk.Documents;

namespace Factdesk.Segmentation;

public static class TokenSearch
{
    /// <summary>Index of the first token that starts at or after <paramref name="offset"/> (Count when none).</summary>
    public static int FirstAtOrAfter(this List<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The sentence that contains <paramref name="offset"/>, or null.</summary>
    public static Sentence? SentenceAt(this List<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return s;
        }
        return null;
    }
}
