using System.Diagnostics;
using System.Globalization;
using Factdesk.Bench.Results;

namespace Factdesk.Bench.Peers;

/// <summary>
/// The figures of one peer benchmark as they are taken, run by run, turned into <see cref="Measurement"/>s at the end:
/// each of our systems once per peer it is compared with, with our value divided by the peer's for every run.
/// </summary>
internal sealed class RunSeries
{
    private readonly Dictionary<(string System, string Metric), (string Unit, List<double> Runs)> _series = [];
    private readonly List<(string System, string Metric)> _order = [];

    public void Add(string system, string metric, string unit, double value)
    {
        if (!_series.TryGetValue((system, metric), out var series))
        {
            _series[(system, metric)] = series = (unit, []);
            _order.Add((system, metric));
        }
        series.Runs.Add(value);
    }

    /// <summary>p50 and p99 of one pass's per-query latencies, under "query p50" and "query p99".</summary>
    public void AddPass(string system, IReadOnlyList<double> latencies)
    {
        Add(system, "query p50", "ms", Percentile(latencies, 0.50));
        Add(system, "query p99", "ms", Percentile(latencies, 0.99));
    }

    /// <summary>
    /// A warm-up pass of every system, then <paramref name="runs"/> timed passes, the systems taking turns in each, so
    /// that a ratio compares two passes seconds apart; returns each system's top lists of its last pass.
    /// </summary>
    public Dictionary<string, long[][]> Passes(int runs, IReadOnlyDictionary<string, Func<(double[] Latencies, long[][] Top)>> passes)
    {
        var found = new Dictionary<string, long[][]>();
        for (var run = 0; run <= runs; run++)
        {
            foreach (var (system, pass) in passes)
            {
                var (latencies, top) = pass();
                found[system] = top;
                if (run > 0) AddPass(system, latencies);
            }
            Console.WriteLine(Invariant($"{(run == 0 ? "warm-up" : $"run {run}")} done, load {Load()}"));
        }
        return found;
    }

    /// <param name="pairs">Our system and a peer: every metric both have gets the ratio runs, ours over the peer's.</param>
    public List<Measurement> Measurements(IReadOnlyList<(string Ours, string Peer)> pairs)
    {
        var measurements = new List<Measurement>();
        foreach (var (system, metric) in _order)
        {
            var (unit, runs) = _series[(system, metric)];
            var compared = pairs.Where(p => p.Ours == system && _series.ContainsKey((p.Peer, metric)) && unit != "ratio").ToList();
            if (compared.Count == 0) measurements.Add(new Measurement(system, metric, unit, runs));
            foreach (var (_, peer) in compared)
            {
                var theirs = _series[(peer, metric)].Runs;
                var ratios = runs.Zip(theirs, (a, b) => b == 0 ? double.NaN : a / b).ToList();
                measurements.Add(new Measurement(system, metric, unit, runs, peer, ratios));
            }
        }
        return measurements;
    }

    /// <summary>The measurements as the console table: median, spread and the median ratio.</summary>
    public static void Print(IEnumerable<Measurement> measurements)
    {
        Console.WriteLine("system | metric | median | min–max | runs | vs peer | ratio median (min–max)");
        foreach (var m in measurements)
        {
            var ratio = m.RatioRuns is { Count: > 0 } r ? Invariant($"{m.RatioMedian:0.###} ({r.Min():0.###}–{r.Max():0.###})") : "";
            Console.WriteLine(Invariant($"{m.System} | {m.Metric} | {m.Median:0.####} {m.Unit} | {m.Min:0.####}–{m.Max:0.####} | {m.Runs.Count} | {m.Peer} | {ratio}"));
        }
    }

    /// <summary>The same percentile as the other bench modes: the value at rank ⌈p·n⌉ of the sorted latencies.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Mean share of each reference list found in the other list of the same query (recall@k, top-k agreement).</summary>
    public static double Overlap(IReadOnlyList<IReadOnlyCollection<long>> found, IReadOnlyList<IReadOnlyCollection<long>> reference) =>
        found.Zip(reference, (f, r) => r.Count == 0 ? 1.0 : f.Intersect(r).Count() / (double)r.Count).Average();

    /// <summary>One pass over the queries, one at a time: milliseconds per query and the labels each returned.</summary>
    public static (double[] Latencies, long[][] Top) Timed<TQuery>(IReadOnlyList<TQuery> queries, Func<TQuery, long[]> search)
    {
        var latencies = new double[queries.Count];
        var top = new long[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            top[q] = search(queries[q]);
            latencies[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (latencies, top);
    }

    public static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
