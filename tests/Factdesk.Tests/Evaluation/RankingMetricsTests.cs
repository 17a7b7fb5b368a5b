using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Average_precision_is_the_mean_precision_at_each_relevant_rank()
    {
        // Relevant at ranks 1 and 3: (1/1 + 2/3) / 2.
        Assert.Equal((1.0 + 2.0 / 3) / 2, RankingMetrics.AveragePrecision([true, false, true, false]), 10);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision([true, true, false]), 10);
        Assert.Equal(0.0, RankingMetrics.AveragePrecision([false, false]));
        Assert.Equal(0.0, RankingMetrics.AveragePrecision([]));
    }

    [Fact]
    public void Precision_at_k_divides_by_k_even_for_short_rankings()
    {
        bool[] ranked = [true, false, true, false, false, true];

        Assert.Equal(2.0 / 5, RankingMetrics.PrecisionAt(ranked, 5), 10);
        Assert.Equal(3.0 / 10, RankingMetrics.PrecisionAt(ranked, 10), 10);
    }

    [Fact]
    public void Rank_sorts_by_score_and_keeps_input_order_on_ties()
    {
        var ranked = RankingMetrics.Rank([false, true, false, true], [0.5, 0.2, 0.9, 0.5]);

        Assert.Equal([false, false, true, true], ranked);
    }

    [Fact]
    public void Averaged_reports_map_and_p_at_k_over_rankings()
    {
        var metrics = RankingMetrics.Averaged([[true, false], [false, true]]);

        Assert.Equal((1.0 + 0.5) / 2, metrics["map"], 10);
        Assert.Equal(0.2, metrics["p_at_5"], 10);
        Assert.Equal(["map", "p_at_10", "p_at_20", "p_at_30", "p_at_5"], metrics.Keys.Order());
    }

    [Fact]
    public void Binary_metrics_score_the_positive_class_at_the_threshold()
    {
        var m = BinaryMetrics.At([true, true, false, false], [0.9, 0.4, 0.6, 0.1], 0.5);

        Assert.Equal(0.5, m.Precision, 10);
        Assert.Equal(0.5, m.Recall, 10);
        Assert.Equal(0.5, m.F1, 10);
        Assert.Equal(new BinaryMetrics(0, 0, 0), BinaryMetrics.At([false], [0.1], 0.5));
    }

    [Fact]
    public void The_benchmark_averages_rankings_per_group()
    {
        var items = new[]
        {
            new Factdesk.Claims.LabelledSentence("a:1", "a", "x", true, true),
            new Factdesk.Claims.LabelledSentence("a:2", "a", "y", false, true),
            new Factdesk.Claims.LabelledSentence("b:1", "b", "z", false, true),
            new Factdesk.Claims.LabelledSentence("b:2", "b", "w", true, true),
        };

        var report = CheckWorthinessBenchmark.Score(items, [0.9, 0.1, 0.8, 0.7], 0.5, ranked: true);

        Assert.Equal(4, report.N);
        Assert.Equal(0.75, report.Metrics["map"], 10);
        Assert.Equal(2.0 / 3, report.Metrics["precision"], 10);
        Assert.Equal("a:1\t0.9\na:2\t0.1\nb:1\t0.8\nb:2\t0.7\n", CheckWorthinessBenchmark.Predictions(items, [0.9, 0.1, 0.8, 0.7]));
    }
}
