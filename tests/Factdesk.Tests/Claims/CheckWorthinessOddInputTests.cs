using System.Text;
using Factdesk.Claims;
using Factdesk.Entities;
using Factdesk.Quotes;
using Factdesk.Segmentation;

namespace Factdesk.Tests.Claims;

/// <summary>Inputs the check-worthiness stage must survive with sensible output, whichever scorer is built in.</summary>
public sealed class CheckWorthinessOddInputTests
{
    private static Factdesk.Documents.Document Checked(string text) =>
        Analyse.Run(text, new Segmenter(), new EntityRecognizer(), new QuoteFinder(), new CheckWorthiness());

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void An_article_without_sentences_has_no_claims(string text)
    {
        var doc = Checked(text);

        Assert.Empty(doc.Claims);
        Assert.Empty(CheckWorthiness.PredictAll(doc));
    }

    [Fact]
    public void Five_thousand_sentences_are_scored_in_one_pass()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
            text.Append(i % 2 == 0 ? $"The county spent {i} million dollars on roads in 2019. " : "What a lovely day it is. ");
        var doc = Analyse.Run(text.ToString(), new Segmenter(), new CheckWorthiness());

        var scores = CheckWorthiness.PredictAll(doc);
        Assert.Equal(doc.Sentences.Count, scores.Count);
        Assert.True(doc.Sentences.Count >= 5_000);
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        Assert.All(doc.Claims, c => Assert.InRange(c.Score, CheckWorthiness.DefaultThreshold, 1.0));
    }

    [Fact]
    public void A_transcript_with_speaker_labels_scores_what_was_said()
    {
        var doc = Checked("MODERATOR: Good evening and welcome.\nSMITH: Under my plan, unemployment fell from 9 percent to 4 percent in three years.\n");

        var scores = CheckWorthiness.PredictAll(doc);
        Assert.True(scores[^1] > scores[0], $"the statistic ({scores[^1]}) should outrank the greeting ({scores[0]})");
    }

    [Fact]
    public void All_caps_text_scores_like_the_same_words_in_mixed_case()
    {
        const string Mixed = "The city council spent 4 million dollars on new roads in 2021.";
        var shouted = Analyse.Segmented(Mixed.ToUpperInvariant());
        var mixed = Analyse.Segmented(Mixed);

        var loud = CheckWorthiness.Predict(shouted, shouted.Sentences[0]);
        Assert.InRange(loud, 0.0, 1.0);
        if (CheckWorthinessModel.Shipped is not null)
            Assert.Equal(CheckWorthiness.Predict(mixed, mixed.Sentences[0]), loud, 1);
    }
}
