using Factdesk.Documents;
using Factdesk.Review;

namespace Factdesk.Tests.Review;

public sealed class VerdictFinderTests
{
    private static Verdict? Find(string text, int afterClaim = 0) => VerdictFinder.Find(Analyse.Segmented(text), afterClaim);

    [Fact]
    public void We_rate_this_claim_gives_the_longest_rating()
    {
        Assert.Equal(new Verdict("Mostly False", true), Find("Senator Jo Marsh said crime had tripled in the city since 2019. We rate this claim Mostly False."));
    }

    [Fact]
    public void A_verdict_line_right_after_the_checked_statement()
    {
        const string text = "Jo Marsh wrote on social media: “Crime in Millbrook has tripled since 2019.”\nMisleading.\nPolice figures show a rise of twelve percent.";
        var afterClaim = text.IndexOf('”');

        Assert.Equal(new Verdict("Misleading", true), Find(text, afterClaim));
        Assert.Null(Find(text)); // the same line is no verdict when the checked statement is unknown
    }

    [Fact]
    public void The_line_under_an_our_verdict_heading()
    {
        const string text = "What was claimed\nCrime in Millbrook has tripled since 2019.\nOur verdict\nIncorrect. Police figures show a rise of twelve percent.";

        Assert.Equal(new Verdict("Incorrect", true), Find(text));
    }

    [Fact]
    public void A_verdict_label_at_the_start_of_a_line()
    {
        Assert.Equal(new Verdict("Misleading", true), Find("Claim: crime in Millbrook tripled in four years.\nVerdict: Misleading\nPolice figures show a twelve percent rise."));
    }

    [Fact]
    public void A_verdict_label_inside_a_line_is_not_a_label()
    {
        Assert.Null(Find("The jury returned a verdict: guilty on all counts, the court in Millbrook said on Monday."));
    }

    [Fact]
    public void A_summary_sentence_about_the_claims()
    {
        Assert.Equal(new Verdict("False", true), Find("Posts shared thousands of times say the bridge collapsed. These claims are false, the Harbour Authority said."));
    }

    [Fact]
    public void A_title_that_starts_with_fake()
    {
        var doc = new Document("Posts say the bridge in Millbrook collapsed overnight.", new SourceInfo(null, Title: "Fake: the Millbrook bridge collapsed"));
        new Factdesk.Segmentation.Segmenter().Process(doc);

        Assert.Equal(new Verdict("Fake", true), VerdictFinder.Find(doc, 0));
    }

    [Fact]
    public void A_plain_news_report_has_no_verdict()
    {
        Assert.Null(Find(
            "The city council met on Tuesday to discuss the new budget for schools.\n" +
            "Councillor Amy Ruiz said the plan was fair to every district in the city.\n" +
            "“We listened to parents for a year,” she said. The vote is due in June."));
    }
}
