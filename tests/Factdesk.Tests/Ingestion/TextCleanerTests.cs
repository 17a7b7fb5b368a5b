using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

/// <summary>Hand-written texts in the layouts of the outlets we ingest; none of it is copied from a real article.</summary>
public sealed class TextCleanerTests
{
    [Fact]
    public void Polygraph_header_keeps_one_copy_of_the_name_and_drops_chrome()
    {
        const string scraped = """
            Accessibility links

            Breaking News

            Ministry Misstates Grain Export Figures

            Anna Petrovna Volkova

            Anna Petrovna Volkova

            Deputy Minister of Agriculture

            “Our grain exports doubled last year while the West tried to block every ship.”

            False

            Customs data published in March show exports grew by about a tenth, not by half.
            """;

        var clean = TextCleaner.Clean(scraped);

        Assert.Equal("""
            Ministry Misstates Grain Export Figures

            Anna Petrovna Volkova

            Deputy Minister of Agriculture

            “Our grain exports doubled last year while the West tried to block every ship.”

            False

            Customs data published in March show exports grew by about a tenth, not by half.
            """.ReplaceLineEndings("\n"), clean);
    }

    [Fact]
    public void Header_name_directly_followed_by_the_quote_is_kept_once()
    {
        const string scraped = "Harbour Authority of Eastport\n\nHarbour Authority of Eastport\n\n\"The new pier has never flooded.\"\n\nMisleading";
        Assert.Equal("Harbour Authority of Eastport\n\n\"The new pier has never flooded.\"\n\nMisleading", TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Mid_article_caption_pair_is_dropped()
    {
        const string scraped = """
            Officials counted the boats in the harbour twice a day.

            Fishing boats at the pier, Eastport
            Fishing boats at the pier, Eastport

            The second count was always higher, a port official said.
            """;
        Assert.Equal(
            "Officials counted the boats in the harbour twice a day.\n\nThe second count was always higher, a port official said.",
            TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Long_file_photo_caption_pair_is_dropped_even_before_a_header()
    {
        const string caption = "FILE - A delegate speaks at the opening of the regional water summit in Lakeside, May 3, 2021.";
        var scraped = $"Headline About Water\n\n\n{caption}\n{caption}\nIvan Ivanov\n\nIvan Ivanov\n\nRegional Governor\n\n“Water is free here.”";
        Assert.Equal("Headline About Water\n\nIvan Ivanov\n\nRegional Governor\n\n“Water is free here.”", TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Caption_line_right_above_the_header_name_becomes_its_own_paragraph()
    {
        var scraped = "Tanks on a rail platform near the border (Photo by a staff photographer)\nJohn Smith\n\nJohn Smith\n\nSpokesman\n\n“No tanks were moved.”";
        Assert.Equal(
            "Tanks on a rail platform near the border (Photo by a staff photographer)\n\nJohn Smith\n\nSpokesman\n\n“No tanks were moved.”",
            TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Politifact_style_single_line_paragraphs_keep_their_line_breaks()
    {
        const string scraped = """
            Get PolitiFact in your inbox.
            Senator wrong about the cost of school lunches
            If Your Time is short
            • The program costs less than a third of what he said.
            The senator told a town hall that free lunches cost the state $900 million a year.
            Budget documents put the figure at $270 million.
            """;
        Assert.Equal(
            "Senator wrong about the cost of school lunches\nIf Your Time is short\n• The program costs less than a third of what he said.\n" +
            "The senator told a town hall that free lunches cost the state $900 million a year.\nBudget documents put the figure at $270 million.",
            TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Full_fact_style_blog_keeps_dates_and_headings()
    {
        const string scraped = "Politics Live\r\n\r\n3 March 2024, 4.15pm\r\n\r\nHow many nurses joined last year?\r\n\r\n" +
                               "The health secretary said 40,000 nurses joined.   \r\n\r\nShare\r\n\r\nThe register shows 29,000.  \r\n";
        Assert.Equal(
            "Politics Live\n\n3 March 2024, 4.15pm\n\nHow many nurses joined last year?\n\nThe health secretary said 40,000 nurses joined.\n\nThe register shows 29,000.",
            TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Paragraph_broken_mid_sentence_is_joined()
    {
        const string scraped = "The mayor promised “a new ‘heart’ for the old town\n\nby the end of next year.”\n\nWork has not started.";
        Assert.Equal("The mayor promised “a new ‘heart’ for the old town by the end of next year.”\n\nWork has not started.", TextCleaner.Clean(scraped));
    }

    [Fact]
    public void Finished_sentences_are_not_joined_to_lower_case_paragraphs()
    {
        const string scraped = "The claim is false.\n\niPhones were not banned.";
        Assert.Equal(scraped, TextCleaner.Clean(scraped));
    }

    [Theory]
    [InlineData("Comments 12")]
    [InlineData("3 comments")]
    [InlineData("Get Checkdesk in your inbox.")]
    [InlineData("We use cookies to make this site work and to understand how you use it.")]
    [InlineData("Accept all cookies")]
    [InlineData("Skip to main content")]
    [InlineData("SUBSCRIBE")]
    [InlineData("Related")]
    [InlineData("Advertisement")]
    public void Chrome_lines_are_dropped(string line) =>
        Assert.Equal("Body text stays.", TextCleaner.Clean($"{line}\n\nBody text stays."));

    [Fact]
    public void Sentences_that_mention_chrome_words_stay()
    {
        const string text = "Readers were asked to share the post before the comments were closed.\n\nAdvertisement spending rose by 4%.";
        Assert.Equal(text, TextCleaner.Clean(text));
    }

    [Fact]
    public void Extra_blank_lines_and_spaces_are_collapsed()
    {
        Assert.Equal("One two.\n\nThree.", TextCleaner.Clean("  One \t two.   \n\n\n\n\nThree.\u00A0 \n\n"));
    }
}
