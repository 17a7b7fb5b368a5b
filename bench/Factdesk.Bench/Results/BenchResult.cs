using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Factdesk.Bench.Results;

/// <summary>
/// One benchmark's raw results, written by each bench mode to <c>bench/results/NAME.json</c> so that bench/run can
/// rebuild the tables of docs/BENCHMARKS.md and the charts from files rather than from console output. Python and Node
/// peers write the same shape (see bench/results/README.md).
/// </summary>
public sealed record BenchResult(
    string Benchmark,
    string Command,
    MachineLine Machine,
    DateTimeOffset Started,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Benchmark + ".json"), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>
    /// Writes this result into NAME.json beside the figures already there: a measurement of the same system and metric
    /// (and peer) is replaced, the others are kept. Lets one benchmark be filled by several processes (each figure's peak memory is
    /// its own process's) and re-run one figure at a time.
    /// </summary>
    public void Merge(string directory)
    {
        var path = Path.Combine(directory, Benchmark + ".json");
        var stamped = Measurements.Select(m => m with { Command = m.Command ?? Command }).ToList();
        if (!File.Exists(path))
        {
            (this with { Measurements = stamped }).Save(directory);
            return;
        }
        var old = Load(path);
        var fresh = Measurements.Select(m => (m.System, m.Metric, m.Peer)).ToHashSet();
        (this with
        {
            Measurements = [.. old.Measurements.Where(m => !fresh.Contains((m.System, m.Metric, m.Peer))), .. stamped],
            Notes = [.. old.Notes.Where(n => !Notes.Contains(n)), .. Notes],
        }).Save(directory);
    }

    /// <summary>Every command that produced a figure of this file, in order (several when processes merged into it).</summary>
    public IReadOnlyList<string> Commands() =>
        [.. Measurements.Select(m => m.Command ?? Command).Distinct(StringComparer.Ordinal)];

    /// <summary>A result of this machine, started now.</summary>
    public static BenchResult Start(string benchmark, string command) =>
        new(benchmark, command, MachineLine.Current(), DateTimeOffset.Now, [], []);

    public static BenchResult Load(string path) =>
        JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: not a bench result");
}

/// <summary>
/// One figure of one system. <see cref="Runs"/> holds every timed run (after the warm-up), so the median and the
/// spread come from the file, not from whoever printed them. Against a peer, <see cref="RatioRuns"/> holds our value
/// divided by the peer's, run by run in the same invocation: on a shared machine absolute times drift, ratios hold.
/// Quality figures have one run; a published score carries its source in <see cref="Source"/>. <see cref="Samples"/>,
/// when present, holds every single observation of one run (each query's latency, say) for a distribution chart;
/// <see cref="Command"/> the command of this figure when a file gathers several processes' figures.
/// </summary>
public sealed record Measurement(
    string System,
    string Metric,
    string Unit,
    IReadOnlyList<double> Runs,
    string? Peer = null,
    IReadOnlyList<double>? RatioRuns = null,
    string? Source = null,
    IReadOnlyList<double>? Samples = null,
    string? Command = null)
{
    public double Median => MedianOf(Runs);
    public double Min => Runs.Min();
    public double Max => Runs.Max();
    public double? RatioMedian => RatioRuns is { Count: > 0 } ? MedianOf(RatioRuns) : null;

    private static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>The machine line printed beside every speed figure.</summary>
public sealed record MachineLine(int Cores, double MemoryGiB, string Dotnet, string Os, double LoadAverage)
{
    public static MachineLine Current()
    {
        var memoryKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return new MachineLine(
            Environment.ProcessorCount,
            Math.Round(double.Parse(memoryKb, CultureInfo.InvariantCulture) / (1024 * 1024), 1),
            Environment.Version.ToString(),
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            double.Parse(load, CultureInfo.InvariantCulture));
    }
}
