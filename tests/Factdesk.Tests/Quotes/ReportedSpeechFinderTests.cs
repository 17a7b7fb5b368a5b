using Factdesk.Documents;

namespace Factdesk.Tests.Quotes;

public sealed class ReportedSpeechFinderTests
{
    [Fact]
    public void Said_that_gives_an_indirect_quote_of_what_follows_that()
    {
        var quote = Assert.Single(Analyse.WithQuotes("Tomas Reyes said that the bridge would reopen before the winter storms arrive.").Quotes);

        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("the bridge would reopen before the winter storms arrive", quote.Text);
        Assert.Equal(("Tomas Reyes", "said"), (quote.Speaker?.Name, quote.Cue));
    }

    [Fact]
    public void According_to_without_quotation_marks_is_reported_speech()
    {
        var quote = Assert.Single(Analyse.WithQuotes("According to the Harbour Authority, the port will stay closed until the end of the week.").Quotes);

        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("the port will stay closed until the end of the week", quote.Text);
        Assert.Equal("Harbour Authority", quote.Speaker?.Name);
    }

    [Fact]
    public void Too_short_a_content_is_not_reported_speech()
    {
        Assert.Empty(Analyse.WithQuotes("Tomas Reyes said nothing at all.").Quotes);
    }

    [Fact]
    public void A_claim_used_as_a_noun_is_no_cue()
    {
        Assert.Empty(Analyse.WithQuotes("The claims about the bridge spread quickly across the town last winter.").Quotes);
    }

    [Fact]
    public void A_sentence_with_a_direct_quotation_gives_no_second_indirect_quote()
    {
        var quotes = Analyse.WithQuotes("Tomas Reyes said that the bridge “would reopen before the winter storms arrive” next year.").Quotes;

        Assert.DoesNotContain(quotes, q => q.Kind == QuoteKind.Indirect);
    }

    [Fact]
    public void A_relative_clause_speaks_for_the_person_before_it()
    {
        var quote = Assert.Single(Analyse.WithQuotes("The post quotes harbour master Tomas Reyes, who said on Monday that the bridge would reopen before the winter storms.").Quotes);

        Assert.Equal("the bridge would reopen before the winter storms", quote.Text);
        Assert.Equal("Tomas Reyes", quote.Speaker?.Name);
    }

    [Fact]
    public void An_apposition_without_its_closing_comma_still_names_the_speaker_and_their_title()
    {
        var quote = Assert.Single(Analyse.WithQuotes("Tomas Reyes, the deputy director of the Harbour Authority announced that the bridge would reopen before the winter storms.").Quotes);

        Assert.Equal("the bridge would reopen before the winter storms", quote.Text);
        Assert.Equal(("Tomas Reyes", "deputy director of the Harbour Authority"), (quote.Speaker?.Name, quote.Speaker?.Title));
    }

    [Fact]
    public void A_scare_quote_leaves_the_sentence_to_reported_speech()
    {
        var quotes = Analyse.WithQuotes("Tomas Reyes said that the bridge would reopen soon, a “promise” the town has heard before.").Quotes;

        Assert.Contains(quotes, q => q.Kind == QuoteKind.Indirect && q.Speaker?.Name == "Tomas Reyes" && q.Text.StartsWith("the bridge would reopen soon", StringComparison.Ordinal));
    }
}
