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

    public static BenchResult Load(string path) =>
        JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: not a bench result");
}

/// <summary>
/// One figure of one system. <see cref="Runs"/> holds every timed run (after the warm-up), so the median and the
/// spread come from the file, not from whoever printed them. Against a peer, <see cref="RatioRuns"/> holds our value
/// divided by the peer's, run by run in the same invocation: on a shared machine absolute times drift, ratios hold.
/// Quality figures have one run; a published score carries its source in <see cref="Source"/>.
/// </summary>
public sealed record Measurement(
    string System,
    string Metric,
    string Unit,
    IReadOnlyList<double> Runs,
    string? Peer = null,
    IReadOnlyList<double>? RatioRuns = null,
    string? Source = null)
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
