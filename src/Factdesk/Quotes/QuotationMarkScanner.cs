namespace Factdesk.Quotes;

/// <summary>
/// Pairs quotation marks in one linear pass: curly, straight, guillemets and low-high („…“) pairs, mixed
/// pairs (“…") as scrapers leave them, and single quotes at the outer level (‘…’). Single marks inside a
/// double quotation belong to it. An unclosed quotation ends at its paragraph only when the next
/// paragraph opens another one (a quotation that runs over paragraphs); otherwise its mark is ignored.
/// </summary>
public static class QuotationMarkScanner
{
    public static List<QuotationSpan> Scan(string text)
    {
        var spans = new List<QuotationSpan>();
        var open = -1;
        var openChar = '\0';
        var singleOpen = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (IsSoftBreak(text, i)) continue;
                if (open >= 0 && NextParagraphOpensQuote(text, i)) spans.Add(new QuotationSpan(open, TrimEnd(text, open, i)));
                open = -1;
                singleOpen = -1;
                continue;
            }
            if (open < 0)
            {
                if (IsDoubleOpener(text, i))
                {
                    open = i;
                    openChar = c;
                    singleOpen = -1;
                }
                else if (singleOpen < 0 && IsSingleOpener(text, i)) singleOpen = i;
                else if (singleOpen >= 0 && IsSingleCloser(text, i))
                {
                    spans.Add(new QuotationSpan(singleOpen, i));
                    singleOpen = -1;
                }
            }
            else if (c == '“' && openChar is '“' or '"')
            {
                // In English “ only opens: a second one means the earlier mark was a stray that never closed.
                // (Guillemets and „ nest in other languages, so they are left alone.)
                open = i;
                openChar = c;
            }
            else if (IsDoubleCloser(text, i, openChar))
            {
                spans.Add(new QuotationSpan(open, i));
                open = -1;
            }
        }
        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        return spans;
    }

    // A line break inside a paragraph of wrapped text does not end a quotation; a blank line does.
    private static bool IsSoftBreak(string text, int newline)
    {
        var j = newline + 1;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        return j < text.Length && text[j] != '\n' && char.IsLower(text[j]);
    }

    private static bool NextParagraphOpensQuote(string text, int newline)
    {
        var j = newline;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        return j < text.Length && text[j] is '“' or '"' or '«' or '„';
    }

    private static int TrimEnd(string text, int open, int end)
    {
        while (end > open + 1 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static bool IsDoubleOpener(string text, int i) => text[i] switch
    {
        '“' or '„' or '«' => true,
        '"' => (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not ('.' or ',' or '!' or '?'))
               && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static bool IsDoubleCloser(string text, int i, char openChar) => text[i] switch
    {
        '”' => true,
        '»' => openChar == '«',
        '“' => openChar == '„',
        '"' => i > 0 && !char.IsWhiteSpace(text[i - 1]),
        _ => false,
    };

    private static bool IsSingleOpener(string text, int i) =>
        text[i] is '‘' or '‚' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    // ’ is also the apostrophe: it closes only where no letter follows ("It’s" and "forces’ press" stay apostrophes
    // unless a single quotation is open, and then only before a non-letter).
    private static bool IsSingleCloser(string text, int i) =>
        text[i] is '’' && i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !char.IsLetter(text[i + 1]));
}
