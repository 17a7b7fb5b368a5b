using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class PageDebrisTests
{
    private const string Story =
        "The northern quay in Westmere was closed on Tuesday after inspectors found cracks in the seawall that protects the fish market.\n\n" +
        "Engineers will decide within three weeks whether the wall can be repaired, the harbour master said, and the council will vote on funding next month.\n\n" +
        "Fishing boats have moved to the southern basin, where queues formed before dawn and several skippers said they had lost a day's catch.";

    [Theory]
    [InlineData("By Marta Silva - 11/24/26 08:15 AM CET")]
    [InlineData("PUBLISHED: 10:48, Tue, Nov 24, 2026")]
    [InlineData("| UPDATED: 11:05, Tue, Nov 24, 2026")]
    [InlineData("Boats queue at the southern basin before dawn (Image: COASTAL WIRE)")]
    [InlineData("Photo: Marta Silva / Coastal Wire")]
    [InlineData("Image 1 of 9")]
    [InlineData("GET THE COURIER ON THE GO BY CLICKING HERE")]
    [InlineData("SEE MORE: Seawall repairs in pictures")]
    [InlineData("Related: How the old quay was built")]
    [InlineData("Subscribe to our channel for the latest harbour videos!")]
    [InlineData("© 2026 Westmere Courier. All rights reserved.")]
    [InlineData("marta.silva@courier.example twitter.com/martasilva")]
    public void Page_furniture_between_paragraphs_goes(string debris)
    {
        var paragraphs = Story.Split("\n\n");
        var page = string.Join("\n\n", paragraphs[0], debris, paragraphs[1], paragraphs[2]);
        Assert.Equal(Story, PageDebris.Strip(page));
    }

    [Fact]
    public void A_related_block_closing_the_page_goes_whole()
    {
        var page = Story + "\n\nYou may also like...\n\nWhy seawalls crack in cold winters\n\nThe ten oldest harbours on the coast";
        Assert.Equal(Story, PageDebris.Strip(page));
    }

    [Fact]
    public void The_same_words_early_in_the_article_or_inside_sentences_stay()
    {
        var page = "More from the harbour\n\n" + Story + "\n\n" +
                   "By Friday, officials said, photo: credits would be shown at the town hall exhibition, and readers could click here and there.";
        Assert.Equal(page, PageDebris.Strip(page));
    }
}
