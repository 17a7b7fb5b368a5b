namespace Factdesk.Quotes;

/// <summary>
/// The outer quotations of a document, sorted and not nested, with the lookups attribution needs done by
/// binary search, so that a document with thousands of quotations stays fast.
/// </summary>
internal sealed class Quotations(List<QuotationSpan> spans)
{
    public IReadOnlyList<QuotationSpan> All => spans;

    /// <summary>The quotation whose marks enclose <paramref name="position"/>, or null.</summary>
    public QuotationSpan? Containing(int position)
    {
        var i = LastOpeningAtOrBefore(position);
        return i >= 0 && position <= spans[i].Close ? spans[i] : null;
    }

    /// <summary>
    /// Whether a quotation of at least <paramref name="minWords"/> words overlaps [start, end). Scare quotes
    /// ("a “fact” that ...") mark a word, not speech, and leave the sentence to reported speech.
    /// </summary>
    public bool OverlapsSpeech(string text, int start, int end, int minWords)
    {
        for (var i = LastOpeningAtOrBefore(end - 1); i >= 0 && spans[i].Close >= start; i--)
            if (Segmentation.Words.Count(text, spans[i].Start, spans[i].End) >= minWords) return true;
        return false;
    }

    /// <summary>The first quotation that opens at or after <paramref name="position"/>, or null.</summary>
    public QuotationSpan? NextFrom(int position)
    {
        var i = LastOpeningAtOrBefore(position - 1) + 1;
        return i < spans.Count ? spans[i] : null;
    }

    /// <summary>The last quotation that closes before <paramref name="position"/> and opens at or after <paramref name="notBefore"/>, or null.</summary>
    public QuotationSpan? LastBefore(int position, int notBefore)
    {
        var i = LastOpeningAtOrBefore(position - 1);
        while (i >= 0 && spans[i].Close >= position) i--;
        return i >= 0 && spans[i].Open >= notBefore ? spans[i] : null;
    }

    private int LastOpeningAtOrBefore(int position)
    {
        int lo = 0, hi = spans.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (spans[mid].Open <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
