using Factdesk.Documents;
using Factdesk.Evidence;

namespace Factdesk.Tests.Evidence;

/// <summary>The FNC-1 score on predictions worked out by hand.</summary>
public sealed class FncScoreTests
{
    private const Stance A = Stance.Supports, D = Stance.Refutes, S = Stance.Discusses, U = Stance.Unrelated;

    [Fact]
    public void Scores_as_the_official_scorer()
    {
        // gold:      A  D  S  U  U  A
        // predicted: A  S  U  U  S  A
        // points:    1 .25 0 .25 0  1  = 2.5 of 1+1+1+.25+.25+1 = 4.5
        var score = FncScore.Of([A, D, S, U, U, A], [A, S, U, U, S, A]);
        Assert.Equal(2.5, score.Score);
        Assert.Equal(4.5, score.Maximum);
        Assert.Equal(2.5 / 4.5, score.Relative, 10);
        Assert.Equal(6, score.N);
        Assert.Equal(1, score.Confusion[1, 2]); // gold disagree predicted discuss
        Assert.Equal(1, score.Confusion[3, 2]); // gold unrelated predicted discuss
    }

    [Fact]
    public void Per_class_and_macro_f1()
    {
        var score = FncScore.Of([A, D, S, U, U, A], [A, S, U, U, S, A]);
        Assert.Equal(1.0, score.F1(A));          // 2 of 2, no false positives
        Assert.Equal(0.0, score.F1(D));
        Assert.Equal(0.0, score.F1(S));          // 0 right of 1 gold, 2 predicted
        Assert.Equal(0.5, score.F1(U), 10);     // 1 right, 2 gold, 2 predicted
        Assert.Equal((1 + 0 + 0 + 0.5) / 4, score.MacroF1, 10);
    }

    [Fact]
    public void Perfect_and_all_unrelated_predictions()
    {
        Stance[] gold = [A, D, S, U];
        Assert.Equal(1.0, FncScore.Of(gold, gold).Relative);
        Assert.Equal(0.25 / 3.25, FncScore.Of(gold, [U, U, U, U]).Relative, 10);
    }

    [Fact]
    public void Report_names_every_metric_as_a_fraction()
    {
        var report = FncScore.Of([A, U], [A, S]).ToReport();
        Assert.Equal("stance", report.Task);
        Assert.Equal(2, report.N);
        Assert.Equal(["fnc_score", "macro_f1", "f1_agree", "f1_disagree", "f1_discuss", "f1_unrelated"], report.Metrics.Keys);
    }

    [Fact]
    public void Nothing_scored_is_zero_not_a_division_by_zero()
    {
        var score = FncScore.Of([], []);
        Assert.Equal(0, score.Relative);
        Assert.Equal(0, score.ToReport().N);
    }

    [Fact]
    public void Mismatched_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => FncScore.Of([A], []));
}
