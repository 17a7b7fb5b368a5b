using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Review;

public sealed class ReviewFinderTests
{
    private static Document Full(string text) => PipelineBuilder.CreateDefault().Build().Process(new Document(text, new SourceInfo(null)));

    [Fact]
    public void A_news_report_gets_no_review()
    {
        Assert.Null(Full("The city council met on Tuesday to discuss the new budget for schools in the north.\nCouncillor Amy Ruiz said the plan was fair to every district in the city.").Review);
    }

    [Fact]
    public void A_labelled_claim_and_verdict_make_a_review_with_a_refuting_source()
    {
        var review = Full(
            "Claim: crime in Millbrook tripled in the last four years.\n" +
            "Verdict: Misleading\n" +
            "“There is no sign that crime tripled, the claim is false,” said police analyst Marcus Hale.").Review;

        Assert.NotNull(review);
        Assert.Equal("crime in Millbrook tripled in the last four years.", review.Claim.Text);
        Assert.Equal(new Verdict("Misleading", true), review.Verdict);
        var source = Assert.Single(review.Sources);
        Assert.Equal(("Marcus Hale", Stance.Refutes), (source.Speaker.Name, source.Stance));
    }

    [Fact]
    public void A_prose_debunk_in_StopFake_style_names_the_claim_the_claimant_and_the_fake()
    {
        var review = Full(
            "Last week the Ruritanian Health Ministry reported a surge in fevers. Olga Brandt, the deputy head of Ruritania’s Ministry Office for Epidemics announced that " +
            "Veldovia is now the main source of the fever outbreaks in the region, a “finding” echoed by local papers.\n" +
            "Several state outlets repeated this fake without checking it.\n" +
            "The regional health agency’s latest figures show no outbreak in Veldovia at all.").Review;

        Assert.NotNull(review);
        Assert.StartsWith("Veldovia is now the main source of the fever outbreaks", review.Claim.Text);
        Assert.Equal("Olga Brandt", review.Claim.Claimant?.Name);
        Assert.Equal("deputy head of Ruritania’s Ministry Office for Epidemics", review.Claim.Claimant?.Title);
        Assert.Equal(new Verdict("False", true, "Fake"), review.Verdict);
    }

    [Fact]
    public void A_plain_prose_rebuttal_makes_a_review_of_the_claim_it_answers()
    {
        var review = Full(
            "Officials in Ruritania claim that the new dam on the Vel river has dried up three villages downstream.\n" +
            "In fact, satellite images from this month show the villages’ wells and fields as full as a year ago.").Review;

        Assert.NotNull(review);
        Assert.Equal("the new dam on the Vel river has dried up three villages downstream", review.Claim.Text);
        Assert.Equal("Officials in Ruritania", review.Claim.Claimant?.Title);
    }

    [Fact]
    public void Without_a_rebuttal_a_claim_in_the_news_is_no_review()
    {
        Assert.Null(Full("Officials in Ruritania claim that the new dam on the Vel river will bring power to three villages downstream.\n" +
                         "The dam opens in May, the ministry said.").Review);
    }

    [Fact]
    public void The_headline_picks_the_checked_statement_over_an_earlier_quote()
    {
        var review = Full(
            "Claim that 40,000 wolves roam Veldovia wildly overstated\n\n" +
            "Farm leader Piet Marais told the Veldovia Times that there are too many predators on the farms these days.\n" +
            "The paper added that “by his own count there were more than 40,000 wolves roaming Veldovia”.\n" +
            "This claim is wildly incorrect: the national census counted about 2,000 wolves.").Review;

        Assert.NotNull(review);
        Assert.Equal("by his own count there were more than 40,000 wolves roaming Veldovia", review.Claim.Text);
        // The paper relays Marais's words, so he is the claimant, not "the paper".
        Assert.Equal("Piet Marais", review.Claim.Claimant?.Name);
    }

    [Fact]
    public void A_paraphrase_gives_way_to_the_same_speakers_quoted_words()
    {
        var review = Full(
            "Sweden repeats false claim that Norway hides whaling fleets\n" +
            "A post describes remarks from Sweden’s Ministry of Fisheries spokesperson Ivo Kran, who said on May 2 that Norway hides whaling fleets in its fjords.\n" +
            "Kran’s remarks were posted in a video. He said, “Everyone knows the whaling fleets of Norway are hidden in the fjords by the border, and we have photos.”\n" +
            "Norway has no hidden whaling fleets, officials said.").Review;

        Assert.NotNull(review);
        Assert.StartsWith("Everyone knows the whaling fleets of Norway", review.Claim.Text);
        Assert.Equal("Ivo Kran", review.Claim.Claimant?.Name);
    }

    [Fact]
    public void A_disinfo_title_takes_the_paragraph_that_states_the_claim_in_full()
    {
        var review = Full(
            "Disinfo: Veldovian wells poison Ruritanian rivers\n\n" +
            "Veldovian wells poison Ruritanian rivers. Engineers have pumped waste into the border streams for years.\n\n" +
            "A recurring narrative about neighbours harming Ruritania’s water.").Review;

        Assert.NotNull(review);
        Assert.Equal("Veldovian wells poison Ruritanian rivers. Engineers have pumped waste into the border streams for years.", review.Claim.Text);
    }

    [Fact]
    public void The_review_says_when_and_where_the_claim_was_made()
    {
        var review = Full(
            "Mayor repeats false claim that Millbrook bridge is closing\n" +
            "Mayor Amy Ruiz made the remarks on March 9 in a video on Facebook. She said, “The Millbrook bridge is closing for good next month and nobody told the town.”\n" +
            "The bridge is not closing, the county said.").Review;

        Assert.NotNull(review);
        Assert.Equal(("March 9", "a video on Facebook"), (review.Claim.Date, review.Claim.Where));
    }

    [Fact]
    public void A_named_occasion_is_where_the_claim_was_made()
    {
        var review = Full(
            "Councillor wrong about school places\n" +
            "At the Millbrook Council Meeting, councillor Amy Ruiz said that “9,000 children are waiting for school places”.\n" +
            "This claim is incorrect: the county counts 900.").Review;

        Assert.NotNull(review);
        Assert.Equal("Millbrook Council Meeting", review.Claim.Where);
    }
}
