using ScottPlot;

namespace Factdesk.Bench.Results;

/// <summary>
/// The charts of one result file, as PNG under docs/img (ScottPlot on SkiaSharp, headless): the ratios to each peer
/// (median bar, the range of the runs as a whisker, 1 marked), the latency distributions (each sample of one run,
/// sorted: latency at each percentile), and quality scores beside the published ones.
/// </summary>
internal static class BenchCharts
{
    public sealed record Chart(string Path, string Caption);

    private static readonly Color Ours = new(31, 119, 180);
    private static readonly Color Theirs = new(255, 127, 14);

    public static List<Chart> Draw(BenchResult result, string directory)
    {
        var charts = new List<Chart>();
        if (Ratios(result, directory) is { } ratios) charts.Add(ratios);
        if (Distributions(result, directory) is { } latency) charts.Add(latency);
        if (Quality(result, directory) is { } quality) charts.Add(quality);
        return charts;
    }

    private static Chart? Ratios(BenchResult result, string directory)
    {
        var rows = result.Measurements.Where(m => m.RatioRuns is { Count: > 0 }).ToList();
        if (rows.Count == 0) return null;
        var plot = new Plot();
        var bars = new List<Bar>();
        foreach (var (i, m) in rows.Index())
        {
            var median = m.RatioMedian!.Value;
            bars.Add(new Bar { Position = i, Value = median, Size = 0.6, FillColor = median >= 1 ? Ours : Theirs, Label = "×" + BenchReport.Number(median) });
            // The range of the runs as a whisker (with few runs a standard error would claim more than we know), to
            // the right of the bar's middle so that it does not cross the median's label.
            var whisker = plot.Add.Scatter(new[] { i + 0.2, i + 0.2 }, new[] { m.RatioRuns!.Min(), m.RatioRuns!.Max() });
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
            whisker.MarkerSize = 6;
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 16;
        var one = plot.Add.HorizontalLine(1);
        one.Color = Colors.Gray;
        one.LinePattern = LinePattern.Dashed;
        plot.Axes.Bottom.SetTicks([.. rows.Select((_, i) => (double)i)], [.. rows.Select(m => $"{m.System} {m.Metric}\nvs {m.Peer}")]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title($"{result.Benchmark}: ours ÷ peer, run by run (bar: median; whisker: range of {rows.Max(m => m.RatioRuns!.Count)} runs)", 15);
        plot.YLabel("ratio (above 1: ours higher)", 14);
        var path = Path.Combine(directory, $"bench-{result.Benchmark}-ratios.png");
        plot.SavePng(path, Math.Max(700, 330 * rows.Count), 480);
        return new Chart(path, $"{result.Benchmark}: ratios to the peers");
    }

    private static Chart? Distributions(BenchResult result, string directory)
    {
        var rows = result.Measurements.Where(m => m.Samples is { Count: > 1 }).ToList();
        if (rows.Count == 0) return null;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (i, m) in rows.Index())
        {
            var sorted = m.Samples!.Order().ToArray();
            var percentiles = sorted.Select((_, k) => 100.0 * (k + 1) / sorted.Length).ToArray();
            var line = plot.Add.Scatter(percentiles, sorted);
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{m.System} (p50 {BenchReport.Number(sorted[sorted.Length / 2])} {m.Unit}, n = {sorted.Length})";
        }
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 13;
        plot.Axes.SetLimitsX(0, 100);
        plot.Title($"{result.Benchmark}: latency distribution of one run (each sample, sorted)", 15);
        plot.XLabel("percentile", 14);
        plot.YLabel(rows[0].Unit, 14);
        var path = Path.Combine(directory, $"bench-{result.Benchmark}-latency.png");
        plot.SavePng(path, 900, 520);
        return new Chart(path, $"{result.Benchmark}: latency distributions");
    }

    /// <summary>Our scores (no source) beside the published ones (with a source), grouped by metric.</summary>
    private static Chart? Quality(BenchResult result, string directory)
    {
        var published = result.Measurements.Where(m => m.Source is not null).ToList();
        if (published.Count == 0) return null;
        var groups = result.Measurements.GroupBy(m => m.Metric).ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<(double, string)>();
        var position = 0.0;
        foreach (var group in groups)
        {
            foreach (var m in group)
            {
                bars.Add(new Bar { Position = position, Value = m.Median, FillColor = m.Source is null ? Ours : Theirs, Label = BenchReport.Format(m.Median, m.Unit) });
                ticks.Add((position, m.System));
                position += 1;
            }
            position += 0.6;
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. ticks.Select(t => t.Item1)], [.. ticks.Select(t => t.Item2)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        // Scores of good systems differ in the second decimal: start the axis below the lowest, not at 0.
        var lowest = bars.Min(b => b.Value);
        var bottom = Math.Max(0, Math.Floor((lowest - 0.03) * 20) / 20);
        plot.Axes.SetLimitsY(bottom, Math.Min(1.02, bars.Max(b => b.Value) + 0.02));
        plot.Title($"{result.Benchmark}: {string.Join(", ", groups.Select(g => g.Key))}, Factdesk (blue) beside published systems (orange); the axis starts at {bottom:0.00}", 14);
        var path = Path.Combine(directory, $"bench-{result.Benchmark}.png");
        plot.SavePng(path, Math.Max(700, 125 * bars.Count), 520);
        return new Chart(path, $"{result.Benchmark}: ours beside the published scores");
    }
}
