using Factdesk.Quotes;

namespace Factdesk.Tests.Quotes;

public sealed class QuotationMarkScannerTests
{
    private static string[] Contents(string text) => QuotationMarkScanner.Scan(text).Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    [InlineData("He said “one two three” today.")]
    [InlineData("He said \"one two three\" today.")]
    [InlineData("He said “one two three\" today.")]
    [InlineData("Il a dit «one two three» hier.")]
    [InlineData("Er sagte „one two three“ gestern.")]
    [InlineData("She wrote ‘one two three’ twice.")]
    public void Each_style_of_marks_gives_one_quotation_with_the_marks_outside(string text)
    {
        var span = Assert.Single(QuotationMarkScanner.Scan(text));

        Assert.Equal("one two three", text[span.Start..span.End]);
        Assert.Equal(span.Open + 1, span.Start);
        Assert.Equal(span.Close, span.End);
        Assert.True(Factdesk.Segmentation.QuoteMarks.IsQuoteChar(text[span.Open]) && Factdesk.Segmentation.QuoteMarks.IsQuoteChar(text[span.Close]));
    }

    [Fact]
    public void Single_quotes_inside_a_double_quotation_belong_to_it()
    {
        Assert.Equal(["He told me ‘never again’ at the door,"], Contents("“He told me ‘never again’ at the door,” she said."));
    }

    [Fact]
    public void Apostrophes_are_not_quotation_marks()
    {
        Assert.Empty(Contents("It’s the soldiers’ choice, isn’t it? The ’90s were loud and don't forget rock 'n' roll."));
    }

    [Fact]
    public void Two_quotations_in_one_sentence_are_two_spans_in_order()
    {
        Assert.Equal(["first one", "second one"], Contents("She called it “first one” and then “second one” again."));
    }

    [Fact]
    public void An_opener_that_is_never_closed_is_dropped()
    {
        Assert.Empty(Contents("He said “this never closes and the paragraph ends.\n\nThe next paragraph has no quotation."));
        Assert.Empty(Contents("A stray mark at the very end “"));
    }

    [Fact]
    public void A_stray_opener_does_not_swallow_the_next_quotation_in_its_paragraph()
    {
        Assert.Equal(["a short pair"], Contents("He said “this never closes. Then she said “a short pair” here."));
    }

    [Fact]
    public void A_quotation_runs_over_a_paragraph_break_when_the_next_paragraph_opens_with_a_mark()
    {
        const string text = "“The first paragraph of the statement ends here.\n\n“And the second paragraph ends it,” she said.";

        Assert.Equal(["The first paragraph of the statement ends here.", "And the second paragraph ends it,"], Contents(text));
    }

    [Fact]
    public void A_wrapped_line_inside_a_paragraph_does_not_end_the_quotation()
    {
        Assert.Equal(["the works will\nfinish in May"], Contents("He said “the works will\nfinish in May” on Monday."));
    }
}
