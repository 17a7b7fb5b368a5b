using Factdesk.Documents;

namespace Factdesk.Tests.Quotes;

/// <summary>Titles and organisations of speakers, read from appositions, pre-modifiers and header lines.</summary>
public sealed class SpeakerTitleTests
{
    private static Speaker? SpeakerOf(string text, Func<Quote, bool>? which = null) =>
        Assert.Single(Analyse.WithQuotes(text).Quotes, q => which?.Invoke(q) ?? true).Speaker;

    [Fact]
    public void Organisation_and_role_before_the_name()
    {
        Assert.Equal(
            new Speaker("Piet Vermeer", "spokesman", "Harbour Authority"),
            SpeakerOf("Harbour Authority spokesman Piet Vermeer told reporters that the port would stay closed until the end of the week."));
    }

    [Fact]
    public void Apposition_after_the_name()
    {
        Assert.Equal(
            new Speaker("Tomas Reyes", "transport minister", null),
            SpeakerOf("Tomas Reyes, the transport minister, said that the bridge would reopen before the winter storms arrive."));
    }

    [Fact]
    public void Apposition_before_the_name_with_an_organisation()
    {
        var speaker = SpeakerOf(
            "A spokesperson for the Harbour Authority, Lena Okafor, said the port would reopen within a week of the storm.");

        Assert.Equal(new Speaker("Lena Okafor", "spokesperson for the Harbour Authority", "Harbour Authority"), speaker);
    }

    [Fact]
    public void Rank_before_the_name_is_the_title()
    {
        Assert.Equal(
            new Speaker("Clara Benton", "Mayor", null),
            SpeakerOf("Mayor Clara Benton spoke to reporters about the flooding in the old town last week. “The water has never been this high before,” Benton said."));
    }

    [Fact]
    public void A_described_source_without_a_name_keeps_its_title_and_organisation()
    {
        var speaker = SpeakerOf("“The port will reopen within a week of the storm,” a Harbour Authority spokesperson said.");

        Assert.Null(speaker?.Name);
        Assert.Equal(("spokesperson", "Harbour Authority"), (speaker?.Title, speaker?.Organization));
    }

    [Fact]
    public void Header_lines_give_name_and_title_of_the_checked_statement()
    {
        var speaker = SpeakerOf("Jo Marsh\nSenator for Millbrook\n“Crime in Millbrook has tripled since 2019 under this mayor.”\nPolice figures show a rise of twelve percent.");

        Assert.Equal(("Jo Marsh", "Senator for Millbrook"), (speaker?.Name, speaker?.Title));
    }

    [Fact]
    public void A_line_introducing_a_quotation_is_not_a_name_and_title_header()
    {
        var speaker = SpeakerOf("Jo Marsh, a senator, wrote on social media:\n“Crime in Millbrook has tripled since 2019 under this mayor.”\nPolice figures show a rise of twelve percent.");

        Assert.Equal(("Jo Marsh", "senator"), (speaker?.Name, speaker?.Title));
    }
}
