using Factdesk.Entities;

namespace Factdesk.Tests.Entities;

public sealed class WorkTitlesTests
{
    [Fact]
    public void A_title_case_quotation_after_book_is_a_work_title_with_its_marks()
    {
        const string text = "She wrote the book “Bridges Over the Cold River” after the flood.";

        var title = Assert.Single(WorkTitles.Find(Analyse.Segmented(text)));

        Assert.Equal("“Bridges Over the Cold River”", text[title.Start..title.End]);
    }

    [Fact]
    public void A_quotation_after_book_that_is_not_title_case_is_no_title()
    {
        Assert.Empty(WorkTitles.Find(Analyse.Segmented("The book “was never meant to be read by anyone at all” she said.")));
    }

    [Fact]
    public void A_title_case_quotation_without_a_cue_word_is_no_title()
    {
        Assert.Empty(WorkTitles.Find(Analyse.Segmented("She shouted “Bridges Over the Cold River” after the flood.")));
    }
}
