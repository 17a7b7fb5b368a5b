using Factdesk.Documents;

namespace Factdesk.Tests.Quotes;

/// <summary>Direct quotations: which spans count as quotes, and who said them.</summary>
public sealed class QuoteFinderTests
{
    private static List<Quote> Quotes(string text) => Analyse.WithQuotes(text).Quotes;

    private static Quote Only(string text)
    {
        var quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        return quote;
    }

    [Fact]
    public void Said_after_the_quotation_names_the_speaker_and_the_comma_is_not_quoted()
    {
        var quote = Only("“We will rebuild the bridge before the winter comes,” said Tomas Reyes.");

        Assert.Equal("We will rebuild the bridge before the winter comes", quote.Text);
        Assert.Equal("said", quote.Cue);
        Assert.Equal("Tomas Reyes", quote.Speaker?.Name);
    }

    [Fact]
    public void Speaker_and_colon_before_the_quotation()
    {
        var quote = Only("Tomas Reyes said: “We will rebuild the bridge before the winter comes.”");

        Assert.Equal("We will rebuild the bridge before the winter comes.", quote.Text);
        Assert.Equal(("Tomas Reyes", "said"), (quote.Speaker?.Name, quote.Cue));
    }

    [Fact]
    public void Speaker_with_apposed_title_then_told()
    {
        var quote = Only("“We will rebuild the bridge before winter,” Tomas Reyes, the transport minister, told reporters.");

        Assert.Equal("told", quote.Cue);
        Assert.Equal(new Speaker("Tomas Reyes", "transport minister", null), quote.Speaker);
    }

    [Fact]
    public void According_to_before_a_quotation_in_the_same_sentence()
    {
        var quote = Only("According to Tomas Reyes, the works will finish in May and “nobody will be stranded again.”");

        Assert.Equal(("Tomas Reyes", "according to"), (quote.Speaker?.Name, quote.Cue));
        Assert.Equal("nobody will be stranded again.", quote.Text);
    }

    [Fact]
    public void He_added_refers_to_the_person_named_before()
    {
        var quote = Only("Tomas Reyes visited the damaged site with two engineers from the ministry this week. He added: “The bridge will open in spring next year.”");

        Assert.Equal(("Tomas Reyes", "added"), (quote.Speaker?.Name, quote.Cue));
    }

    [Fact]
    public void A_pronoun_with_no_person_before_it_leaves_the_speaker_unknown()
    {
        var quote = Only("The storm passed over the coast during the night. He added: “The bridge will open in spring next year.”");

        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void The_spokesperson_refers_back_to_the_spokesperson_described_earlier()
    {
        var quotes = Quotes(
            "A spokesperson for the Harbour Authority, Lena Okafor, confirmed the closure on Tuesday evening. “The port will reopen within a week of the storm,” the spokesperson said.");

        var direct = Assert.Single(quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Lena Okafor", direct.Speaker?.Name);
        Assert.Equal("Harbour Authority", direct.Speaker?.Organization);
    }

    [Fact]
    public void A_quotation_that_goes_on_after_the_attribution_keeps_the_speaker()
    {
        var quotes = Quotes("“We will rebuild the bridge before the winter,” said Tomas Reyes. “Nobody will be stranded on the far bank again.”");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Tomas Reyes", q.Speaker?.Name));
        Assert.Null(quotes[1].Cue);
        Assert.Equal("Nobody will be stranded on the far bank again.", quotes[1].Text);
    }

    [Fact]
    public void A_quotation_after_a_blank_line_does_not_inherit_the_speaker()
    {
        var quotes = Quotes("“We will rebuild the bridge before the winter,” said Tomas Reyes.\n\n“Nobody will be stranded on the far bank again.”");

        Assert.Equal(2, quotes.Count);
        Assert.Null(quotes[1].Speaker);
    }

    [Fact]
    public void A_one_word_scare_quote_is_not_a_quote()
    {
        Assert.Empty(Quotes("The council called the plan a “disaster” in its statement on the new harbour."));
    }

    [Fact]
    public void A_book_title_after_book_is_not_a_quote_even_with_a_cue_nearby()
    {
        Assert.DoesNotContain(
            Quotes("The historian Mara Quist wrote the book “Bridges Over the Cold River” in 2019, she said."),
            q => q.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void A_long_quotation_without_a_cue_is_kept_without_a_speaker()
    {
        var quote = Only("Across the road hung “nobody will be stranded on the far bank again” in red letters.");

        Assert.Null(quote.Speaker);
        Assert.Null(quote.Cue);
    }

    [Fact]
    public void A_short_quotation_with_a_cue_inside_reported_speech_is_kept()
    {
        var quotes = Quotes("Tomas Reyes said the repairs would be “long and difficult” for the town.");

        var direct = Assert.Single(quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("long and difficult", direct.Text);
        Assert.Equal("Tomas Reyes", direct.Speaker?.Name);
    }

    [Fact]
    public void Quote_offsets_cover_the_quoted_words_without_marks()
    {
        var doc = Analyse.WithQuotes("“We will rebuild the bridge before the winter comes,” said Tomas Reyes.");

        var quote = Assert.Single(doc.Quotes);
        Assert.Equal(quote.Text, doc.Text[quote.Start..quote.End]);
        Assert.Equal('“', doc.Text[quote.Start - 1]);
    }
}
