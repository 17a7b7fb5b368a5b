using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class AttributionScorerTests
{
    private static readonly IReadOnlyList<Attribution> Gold = BratAttributions.Parse(PolnearFixture.Ann);

    private static Attribution Predicted(int start, int end, RoleSpan? source) => new(new RoleSpan(start, end), null, source);

    [Fact]
    public void Content_covering_half_the_gold_tokens_matches_and_the_source_must_overlap()
    {
        var scorer = new AttributionScorer();
        // "the new bridge will" is 4 of the 7 gold tokens; the second prediction has a source elsewhere.
        scorer.Add(PolnearFixture.Text, Gold, [Predicted(15, 34, new RoleSpan(4, 9)), Predicted(63, 86, new RoleSpan(0, 3))]);

        Assert.Equal((2, 1), (scorer.Matched, scorer.SourceCorrect));
        Assert.Equal(1.0, scorer.Content.F1);
        Assert.Equal(0.5, scorer.ContentSource.Precision);
        Assert.Equal(0.5, scorer.ContentSource.Recall);
    }

    [Fact]
    public void Less_than_half_is_no_match_and_one_gold_relation_takes_one_prediction()
    {
        var scorer = new AttributionScorer();
        // "the new bridge" is 3 of 7; the two other predictions both cover the second content, only one may count.
        scorer.Add(PolnearFixture.Text, Gold, [Predicted(15, 29, null), Predicted(58, 86, null), Predicted(63, 86, null)]);

        Assert.Equal(1, scorer.Matched);
        Assert.Equal(1.0 / 3, scorer.Content.Precision, 6);
        Assert.Equal(0.5, scorer.Content.Recall);
    }

    [Fact]
    public void Span_scores_count_overlap_per_role()
    {
        var scorer = new AttributionScorer();
        scorer.Add(PolnearFixture.Text, Gold, [new Attribution(new RoleSpan(15, 20), new RoleSpan(10, 14), new RoleSpan(49, 51))]);

        Assert.Equal(1.0, scorer.CueSpans.Precision);
        Assert.Equal(0.5, scorer.CueSpans.Recall);
        Assert.Equal(1.0, scorer.SourceSpans.Precision);
        Assert.Equal(0.5, scorer.ContentSpans.Recall);
        Assert.Equal(0, scorer.Matched);
    }

    [Fact]
    public void A_relative_pronoun_source_is_found_by_the_mention_right_before_it_but_a_personal_pronoun_is_not()
    {
        const string text = "Scott Walker, who left the race, said it was over. Later he said the same.";
        RoleSpan At(string words, int from = 0)
        {
            var start = text.IndexOf(words, from, StringComparison.Ordinal);
            return new RoleSpan(start, start + words.Length);
        }
        IReadOnlyList<Attribution> gold =
        [
            new(At("it was over"), At("said"), At("who")),
            new(At("the same"), At("said", 40), At("he", 50)),
        ];
        Attribution Saying(string content, string speaker, int from = 0) => new(At(content), null, At(speaker, from));

        var antecedent = new AttributionScorer();
        antecedent.Add(text, gold, [Saying("it was over", "Walker"), Saying("the same", "Scott Walker")]);
        var elsewhere = new AttributionScorer();
        elsewhere.Add(text, gold, [Saying("it was over", "the race"), Saying("the same", "he", 50)]);

        // "Walker" ends right before ", who": found; "Scott Walker" for the gold "he" needs coreference: not found.
        Assert.Equal((2, 1), (antecedent.Matched, antecedent.SourceCorrect));
        // "the race" stands after the pronoun, inside its clause; "he" is the gold span itself.
        Assert.Equal((2, 1), (elsewhere.Matched, elsewhere.SourceCorrect));
    }

    [Fact]
    public void Nothing_predicted_scores_zero_not_nan()
    {
        var scorer = new AttributionScorer();
        scorer.Add(PolnearFixture.Text, Gold, []);

        Assert.Equal(0, scorer.ContentSource.F1);
        Assert.Equal(2, PolnearBenchmark.Report(scorer).N);
    }
}
