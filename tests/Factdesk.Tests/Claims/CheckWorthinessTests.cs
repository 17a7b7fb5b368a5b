using Factdesk.Claims;
using Factdesk.Documents;

namespace Factdesk.Tests.Claims;

public sealed class CheckWorthinessTests
{
    private const string Text =
        "The Harbour Authority said 1,200 ships used the port of Millbrook in 2023, up 15 percent on the year before.\n" +
        "Will the port reopen soon?\n" +
        "Port Traffic Rises Again Despite Storms\n" +
        "I think we should all hope for better weather next year.";

    private static (Document Doc, double[] Scores) Scored()
    {
        var doc = Analyse.WithEntities(Text);
        Assert.Equal(4, doc.Sentences.Count);
        return (doc, doc.Sentences.Select(s => CheckWorthiness.Predict(doc, s)).ToArray());
    }

    [Fact]
    public void A_sentence_with_numbers_and_names_scores_above_a_question_a_headline_and_an_opinion()
    {
        var (_, scores) = Scored();

        Assert.All(scores.Skip(1), s => Assert.True(scores[0] > s, $"{scores[0]} should beat {s}"));
        Assert.True(scores[0] >= CheckWorthiness.DefaultThreshold);
        Assert.All(scores.Skip(1), s => Assert.True(s < CheckWorthiness.DefaultThreshold));
    }

    [Fact]
    public void Scores_are_probabilities()
    {
        var (_, scores) = Scored();

        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
    }

    [Fact]
    public void The_stage_keeps_only_sentences_over_the_threshold_with_their_claimant()
    {
        var doc = Analyse.Run(Text, new Factdesk.Segmentation.Segmenter(), new Factdesk.Entities.EntityRecognizer(),
            new Factdesk.Quotes.QuoteFinder(), new CheckWorthiness());

        var claim = Assert.Single(doc.Claims);
        Assert.Equal(doc.Text[claim.Start..claim.End], claim.Text);
        Assert.StartsWith("The Harbour Authority said 1,200 ships", claim.Text, StringComparison.Ordinal);
        Assert.Equal("Harbour Authority", claim.Claimant?.Name);
    }

    [Fact]
    public void A_threshold_of_zero_keeps_every_sentence_and_one_above_every_score_none()
    {
        var all = Analyse.Run(Text, new Factdesk.Segmentation.Segmenter(), new CheckWorthiness(0.0));
        var none = Analyse.Run(Text, new Factdesk.Segmentation.Segmenter(), new CheckWorthiness(1.01));

        Assert.Equal(4, all.Claims.Count);
        Assert.Empty(none.Claims);
    }
}
