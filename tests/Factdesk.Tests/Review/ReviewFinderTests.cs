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
}
