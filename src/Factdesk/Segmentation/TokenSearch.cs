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

    /// <summary>The last sentence that ends at or before <paramref name="offset"/>, or null.</summary>
    public static Sentence? LastEndingBy(this List<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].End <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found >= 0 ? sentences[found] : null;
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

    /// <summary>
    /// The spans that lie wholly inside [start, end), found by binary search: the list must be sorted by start
    /// and its spans must not overlap, as the pipeline keeps sentences, tokens and entities.
    /// </summary>
    public static IEnumerable<T> Within<T>(this List<T> spans, int start, int end) where T : ISpan
    {
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (spans[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < spans.Count && spans[i].Start < end; i++)
            if (spans[i].End <= end) yield return spans[i];
    }

    /// <summary>
    /// The spans that overlap [start, end), for a list sorted by start whose spans do not overlap one another
    /// (so their ends are sorted too), like the quotes of a document.
    /// </summary>
    public static IEnumerable<T> Overlapping<T>(this List<T> spans, int start, int end) where T : ISpan
    {
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (spans[mid].Start < end) lo = mid + 1; else hi = mid;
        }
        var first = lo;
        while (first > 0 && spans[first - 1].End > start) first--;
        for (var i = first; i < lo; i++) yield return spans[i];
    }
}
