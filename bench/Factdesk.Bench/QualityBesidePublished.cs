using System.Text.Json;
using Factdesk.Bench.Results;

namespace Factdesk.Bench;

/// <summary>
/// `quality PUBLISHED.json EVAL.json...`: our scores, as `factdesk eval TASK --json` printed them, beside the published
/// scores of other systems on the same data (bench/published-scores.json), into bench/results/quality.json. Only the
/// metrics that have a published counterpart are kept; the chart then ranks ours among them.
/// </summary>
internal static class QualityBesidePublished
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("quality", args);
        if (options.Positional is not [var published, .. var evals] || evals.Count == 0 || !File.Exists(published))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench quality bench/published-scores.json EVAL.json... (each the --json line of `factdesk eval TASK`)");
            return 2;
        }
        using var scores = JsonDocument.Parse(File.ReadAllText(published));
        var theirs = scores.RootElement.GetProperty("scores").EnumerateArray()
            .Select(s => (Task: s.GetProperty("task").GetString()!, Metric: s.GetProperty("metric").GetString()!, System: s.GetProperty("system").GetString()!,
                Value: s.GetProperty("value").GetDouble(), Source: s.GetProperty("source").GetString()!))
            .ToList();
        var measurements = new List<Measurement>();
        var notes = new List<string>();
        foreach (var file in evals)
        {
            using var eval = JsonDocument.Parse(File.ReadAllLines(file).Last(l => l.TrimStart().StartsWith('{')));
            var task = eval.RootElement.GetProperty("task").GetString()!;
            notes.Add($"{task}: n = {eval.RootElement.GetProperty("n").GetInt32()}");
            foreach (var metric in eval.RootElement.GetProperty("metrics").EnumerateObject())
            {
                var peers = theirs.Where(t => t.Task == task && t.Metric == metric.Name).ToList();
                if (peers.Count == 0) continue;
                var name = $"{task} {metric.Name.ToUpperInvariant()}";
                measurements.Add(new Measurement("Factdesk", name, "score", [Math.Round(metric.Value.GetDouble(), 3)]));
                measurements.AddRange(peers.OrderByDescending(p => p.Value).Select(p => new Measurement(p.System, name, "score", [p.Value], Source: p.Source)));
            }
        }
        (BenchResult.Start("quality", options.Command) with { Measurements = measurements, Notes = notes }).Save(options.ResultsDirectory);
        return 0;
    }
}
