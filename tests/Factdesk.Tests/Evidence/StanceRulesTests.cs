using Factdesk.Documents;
using Factdesk.Evidence;

namespace Factdesk.Tests.Evidence;

public sealed class StanceRulesTests
{
    private const string Claim = "Crime doubled in Millbrook last year";

    [Theory]
    [InlineData("That claim is false")]
    [InlineData("the figure is far from the truth")]
    [InlineData("it was debunked by the police within a day")]
    [InlineData("there is no evidence for any of it")]
    public void Refuting_words_in_the_statement_refute(string statement)
    {
        Assert.Equal(Stance.Refutes, StanceRules.Predict(Claim, statement, statement));
    }

    [Fact]
    public void Refuting_words_in_the_surrounding_sentence_refute()
    {
        Assert.Equal(Stance.Refutes, StanceRules.Predict(Claim, "the numbers went down", "Police dismissed the post, saying the numbers went down."));
    }

    [Fact]
    public void A_refuting_word_inside_a_longer_word_does_not_count()
    {
        Assert.NotEqual(Stance.Refutes, StanceRules.Predict(Claim, "crime in Millbrook hurt the wronged families most", "She spoke about crime in Millbrook and its fakery-free reporting."));
    }

    [Fact]
    public void A_negation_in_response_to_the_claim_refutes()
    {
        const string claim = "The company will close the plant in Millbrook";
        const string statement = "the company does not plan to close the plant";

        Assert.Equal(Stance.Refutes, StanceRules.Predict(claim, statement, "Responding to the claim, a spokesman said the company does not plan to close the plant."));
        // Without a response cue the same negation only discusses the claim.
        Assert.Equal(Stance.Discusses, StanceRules.Predict(claim, statement, "A spokesman said the company does not plan to close the plant."));
    }

    [Fact]
    public void Confirmation_with_shared_content_supports()
    {
        const string statement = "police confirmed that crime doubled in Millbrook";

        Assert.Equal(Stance.Supports, StanceRules.Predict(Claim, statement, statement));
    }

    [Fact]
    public void Shared_content_without_cues_discusses()
    {
        const string statement = "crime figures for Millbrook will be published next month";

        Assert.Equal(Stance.Discusses, StanceRules.Predict(Claim, statement, statement));
    }

    [Fact]
    public void A_shared_entity_alone_makes_a_statement_discuss_the_claim()
    {
        const string statement = "the mayor will speak on Friday";

        Assert.Equal(Stance.Unrelated, StanceRules.Predict(Claim, statement, statement));
        Assert.Equal(Stance.Discusses, StanceRules.Predict(Claim, statement, statement, sharesEntity: true));
    }

    [Fact]
    public void Unrelated_text_is_unrelated()
    {
        const string statement = "The weather was sunny on the coast";

        Assert.Equal(Stance.Unrelated, StanceRules.Predict(Claim, statement, statement));
    }

    [Theory]
    [InlineData("it is not correct that crime doubled in Millbrook")]
    [InlineData("the figures for Millbrook crime are not verified")]
    public void A_negated_supporting_word_does_not_support(string statement)
    {
        Assert.NotEqual(Stance.Supports, StanceRules.Predict(Claim, statement, statement));
    }
}
