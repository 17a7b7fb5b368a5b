using Factdesk.Segmentation;

namespace Factdesk.Tests.Segmentation;

public sealed class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Ranks_and_honorifics_do_not_end_a_sentence()
    {
        Assert.Equal(
            ["Lt. Gen. Mark Ellwood met Mr. Reyes and Dr. Okafor.", "They talked."],
            Split("Lt. Gen. Mark Ellwood met Mr. Reyes and Dr. Okafor. They talked."));
    }

    [Fact]
    public void Initials_do_not_end_a_sentence()
    {
        Assert.Equal(["George W. Bush met J. R. Miles.", "Nobody else came."], Split("George W. Bush met J. R. Miles. Nobody else came."));
    }

    [Fact]
    public void Closing_quotation_marks_and_brackets_after_the_period_stay_with_the_sentence()
    {
        Assert.Equal(
            ["He said “Go home.”", "She said \"Stay.\"", "(It rained.)", "Then he left."],
            Split("He said “Go home.” She said \"Stay.\" (It rained.) Then he left."));
    }

    [Fact]
    public void Question_and_exclamation_marks_end_sentences()
    {
        Assert.Equal(["Why?", "Because!", "Fine…", "Done."], Split("Why? Because! Fine… Done."));
    }

    [Fact]
    public void A_line_break_ends_a_sentence_even_without_punctuation()
    {
        Assert.Equal(["Port Reopens After Storm", "The port opened today."], Split("Port Reopens After Storm\nThe port opened today.\n"));
    }

    [Fact]
    public void A_lowercase_word_after_a_period_does_not_start_a_sentence()
    {
        Assert.Equal(["The rate rose to 5 per cent. roughly the same as before."], Split("The rate rose to 5 per cent. roughly the same as before."));
    }

    [Fact]
    public void Sentences_are_trimmed_and_blank_lines_give_none()
    {
        const string text = "  First one.  \n\n   \n  Second one.  ";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["First one.", "Second one."], sentences.Select(s => text[s.Start..s.End]));
        Assert.All(sentences, s => Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1])));
    }
}
