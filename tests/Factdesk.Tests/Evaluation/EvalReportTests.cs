using System.Text.Json;
using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class EvalReportTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_metric_outside_zero_to_one_is_rejected(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EvalReport("t", 3, new Dictionary<string, double> { ["f1"] = 0.5, ["bad"] = value }));
        Assert.Contains("bad", e.Message);
    }

    [Fact]
    public void The_bounds_themselves_are_allowed()
    {
        var report = new EvalReport("t", 3, new Dictionary<string, double> { ["low"] = 0, ["high"] = 1 });
        Assert.Equal(2, report.Metrics.Count);
    }

    [Fact]
    public void A_negative_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvalReport("t", -1, new Dictionary<string, double>()));
    }

    [Fact]
    public void Json_is_one_line_with_task_n_and_metrics()
    {
        var json = new EvalReport("extraction", 2, new Dictionary<string, double> { ["f1"] = 0.25 }).ToJson();

        Assert.DoesNotContain('\n', json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("extraction", doc.RootElement.GetProperty("task").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(0.25, doc.RootElement.GetProperty("metrics").GetProperty("f1").GetDouble());
    }
}
