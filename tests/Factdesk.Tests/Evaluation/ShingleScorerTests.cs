using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class ShingleScorerTests
{
    [Fact]
    public void Tokens_are_runs_of_word_characters_in_any_script()
    {
        Assert.Equal(["It", "s", "2024", "in", "Донецк", "snake_case", "x²"], ShingleScorer.Tokenize("It's 2024 — in «Донецк»: snake_case! x²"));
    }

    [Fact]
    public void Shingles_are_overlapping_runs_of_four_tokens_counted_as_a_multiset()
    {
        var shingles = ShingleScorer.Shingles("a b c d a b c d");

        Assert.Equal(2, shingles["a b c d"]);
        Assert.Equal(1, shingles["b c d a"]);
        Assert.Equal(5, shingles.Values.Sum());
    }

    [Fact]
    public void A_text_shorter_than_a_shingle_is_one_shingle_and_an_empty_text_none()
    {
        Assert.Equal(["Hello world"], ShingleScorer.Shingles("Hello, world.").Keys);
        Assert.Empty(ShingleScorer.Shingles(" ... "));
    }

    [Fact]
    public void Identical_texts_score_one_even_when_punctuation_differs()
    {
        Assert.Equal(new PageScore(1, 1), ShingleScorer.ScorePage("One two three four five.", "One two, three four five"));
    }

    [Fact]
    public void Two_empty_texts_agree_perfectly()
    {
        Assert.Equal(new PageScore(1, 1), ShingleScorer.ScorePage("", ""));
    }

    [Fact]
    public void Extracting_nothing_scores_zero()
    {
        Assert.Equal(new PageScore(0, 0), ShingleScorer.ScorePage("a b c d e", ""));
    }

    [Fact]
    public void Missing_text_lowers_recall_only()
    {
        // Gold has abcd, bcde, cdef, defg; the prediction has only the first two.
        Assert.Equal(new PageScore(1, 0.5), ShingleScorer.ScorePage("a b c d e f g", "a b c d e"));
    }

    [Fact]
    public void Extra_text_lowers_precision_only()
    {
        Assert.Equal(new PageScore(0.5, 1), ShingleScorer.ScorePage("a b c d e", "a b c d e f g"));
    }

    [Fact]
    public void Shingles_are_matched_as_a_multiset()
    {
        // Gold repeats "w x y z": wxyz twice, xyzw, yzwx, zwxy. Saying it once recovers one of those five.
        Assert.Equal(new PageScore(1, 0.2), ShingleScorer.ScorePage("w x y z w x y z", "w x y z"));
    }

    [Fact]
    public void Precision_and_recall_are_averaged_over_pages_and_f1_taken_from_the_averages()
    {
        var report = ShingleScorer.Score("t", [("a b c d e f g", "a b c d e"), ("a b c d e", "a b c d e f g")]);

        Assert.Equal(2, report.N);
        Assert.Equal(0.75, report.Metrics["precision"], 12);
        Assert.Equal(0.75, report.Metrics["recall"], 12);
        Assert.Equal(0.75, report.Metrics["f1"], 12);
    }

    [Fact]
    public void No_pages_give_zero_rather_than_nan()
    {
        var report = ShingleScorer.Score("t", []);

        Assert.Equal(0, report.N);
        Assert.All(report.Metrics.Values, v => Assert.Equal(0, v));
    }
}
