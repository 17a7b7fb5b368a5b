namespace Factdesk.Quotes;

/// <summary>Text between a pair of quotation marks: [Open, Close] are the marks, [Start, End) the content.</summary>
public sealed record QuotationSpan(int Open, int Close)
{
    public int Start => Open + 1;
    public int End => Close;
}
