using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Tests.Segmentation;

public sealed class TokenizerTests
{
    private static string[] Texts(string text) => Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();

    [Fact]
    public void Abbreviations_with_periods_are_one_word()
    {
        Assert.Equal(["U.S.", "troops", ",", "e.g.", "marines", ",", "left"], Texts("U.S. troops, e.g. marines, left"));
    }

    [Fact]
    public void A_hyphen_after_an_abbreviation_splits_it_from_the_next_word()
    {
        Assert.Equal(["the", "U.S.", "-", "led", "coalition"], Texts("the U.S.-led coalition"));
    }

    [Fact]
    public void Inner_hyphens_and_apostrophes_stay_inside_the_word()
    {
        Assert.Equal(["It’s", "near", "al-Hamam", "and", "it's", "late"], Texts("It’s near al-Hamam and it's late"));
    }

    [Fact]
    public void A_number_with_thousands_separator_and_decimals_is_one_number_token()
    {
        var tokens = Tokenizer.Tokenize("Exports reached 1,000.5 tonnes, 12 more.");

        var number = Assert.Single(tokens, t => t.Text == "1,000.5");
        Assert.Equal(TokenKind.Number, number.Kind);
        Assert.Equal(TokenKind.Number, Assert.Single(tokens, t => t.Text == "12").Kind);
        // The comma and the period after the numbers' phrases are punctuation of their own.
        Assert.Equal(TokenKind.Punctuation, Assert.Single(tokens, t => t.Text == ",").Kind);
        Assert.Equal(".", tokens[^1].Text);
    }

    [Fact]
    public void Quotation_marks_are_quote_tokens_and_other_marks_punctuation()
    {
        var tokens = Tokenizer.Tokenize("“Yes,” she said (twice).");

        Assert.Equal(TokenKind.Quote, tokens[0].Kind);
        Assert.Equal(TokenKind.Quote, Assert.Single(tokens, t => t.Text == "”").Kind);
        Assert.All(tokens.Where(t => t.Text is "," or "(" or ")" or "."), t => Assert.Equal(TokenKind.Punctuation, t.Kind));
    }

    [Theory]
    [InlineData("Lt. Gen. Mark Ellwood said the U.S.-led force left al-Hamam on 3 May.")]
    [InlineData("  “It’s 1,000.5 km,” he said —\n\tthen   left 🙂 again…  ")]
    [InlineData("«Non», dit-il. „Nein“, sagte er.")]
    public void Every_token_is_the_text_at_its_offsets_in_order(string text)
    {
        var tokens = Tokenizer.Tokenize(text);

        Assert.NotEmpty(tokens);
        var previousEnd = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Start >= previousEnd && t.End > t.Start && t.End <= text.Length, $"bad offsets for '{t.Text}'");
            Assert.Equal(text[t.Start..t.End], t.Text);
            Assert.True(text[previousEnd..t.Start].All(char.IsWhiteSpace), $"text skipped before '{t.Text}'");
            previousEnd = t.End;
        }
        Assert.True(text[previousEnd..].All(char.IsWhiteSpace));
    }

    [Fact]
    public void A_range_tokenizes_only_its_part_with_offsets_into_the_whole_text()
    {
        const string text = "one two three four";

        var tokens = Tokenizer.Tokenize(text, 4, 13);

        Assert.Equal(["two", "three"], tokens.Select(t => t.Text));
        Assert.Equal(4, tokens[0].Start);
    }
}
