using System.Diagnostics;
using Factdesk.Bench.Results;

namespace Factdesk.Bench.Peers;

/// <summary>
/// Runs our pass and each peer's pass in turn, run after run, and turns the seconds into rates (UNITS per second) and
/// ratios ours / peer's computed within each run. Our pass is warmed up once before the first timed run; the peers
/// warmed themselves up before saying ready.
/// </summary>
internal static class SideBySide
{
    public static List<Measurement> Run(string ours, Action ourPass, IReadOnlyList<IPeer> peers, double units, string unit, int runs)
    {
        ourPass();
        var ourRates = new List<double>();
        var peerRates = peers.Select(_ => new List<double>()).ToList();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            ourPass();
            ourRates.Add(units / clock.Elapsed.TotalSeconds);
            foreach (var (i, peer) in peers.Index())
                peerRates[i].Add(units / peer.Run());
            Console.WriteLine(BenchOptions.Invariant($"run {run + 1}: {ours} {ourRates[^1]:0.0}") +
                string.Concat(peers.Select((p, i) => BenchOptions.Invariant($", {p.Name} {peerRates[i][^1]:0.0}"))) + " " + unit);
        }
        // Ours once per peer, each with its own run-by-run ratios (the README's shape); alone when no peer could run.
        if (peers.Count == 0) return [new Measurement(ours, "throughput", unit, ourRates)];
        var measurements = new List<Measurement>();
        foreach (var (i, peer) in peers.Index())
        {
            measurements.Add(new Measurement(ours, "throughput", unit, ourRates, Peer: peer.Name,
                RatioRuns: ourRates.Zip(peerRates[i], (a, b) => a / b).ToList()));
            measurements.Add(new Measurement(peer.Name, "throughput", unit, peerRates[i]));
        }
        return measurements;
    }

    /// <summary>A peer in our own process (a NuGet package): its pass timed here, warmed up before the first run.</summary>
    public sealed class InProcess(string name, Action pass) : IPeer
    {
        public string Name => name;

        public InProcess WarmedUp()
        {
            pass();
            return this;
        }

        public double Run()
        {
            var clock = Stopwatch.StartNew();
            pass();
            return clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>Each peer's peak memory, ended in turn, as one-run measurements.</summary>
    public static IEnumerable<Measurement> PeakMemory(IEnumerable<PeerProcess> peers) =>
        peers.Select(p => new Measurement(p.Name, "peak memory", "MB", [p.Finish()]));

    public static Measurement OurPeakMemory(string ours) =>
        new(ours, "peak memory", "MB", [Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6)]);
}
