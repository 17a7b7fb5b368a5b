using System.Globalization;
using Factdesk.Bench.Results;
using Factdesk.Storage;

namespace Factdesk.Bench.Peers;

/// <summary>
/// The arguments the two peer benchmarks share: `SIZE|DB [--smoke] [--runs N] [--data DIR] [--out DIR]`, plus the
/// mode's own `--name value` options. SIZE is a number of fact-checks the bench makes itself; DB an existing store.
/// </summary>
internal sealed record PeerOptions(int Size, string? Store, bool Smoke, int Runs, string Data, string? Output, IReadOnlyDictionary<string, string> Extra)
{
    public const string Shared = "SIZE|DB [--smoke] [--runs N] [--data CHECKTHAT2020_DIR] [--out RESULTS_DIR]";

    /// <summary>The options, or null after printing the problem (the caller exits with 2).</summary>
    public static PeerOptions? Parse(string mode, string[] args, int smokeSize, params string[] extra)
    {
        var usage = $"usage: Factdesk.Bench {mode} {Shared}{string.Concat(extra.Select(e => $" [--{e} N]"))}";
        string? positional = null;
        var (smoke, runs, data) = (false, 5, SearchCorpus.DefaultData);
        string? output = null;
        var more = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--smoke") { smoke = true; continue; }
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                if (positional is not null) return Fail($"{name}: one SIZE or DB only", usage);
                positional = name;
                continue;
            }
            if (i + 1 >= args.Length) return Fail($"{name}: needs a value", usage);
            var value = args[++i];
            switch (name)
            {
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1: runs = n; break;
                case "--runs": return Fail($"--runs {value}: not a whole number of at least 1", usage);
                case "--data": data = value; break;
                case "--out": output = value; break;
                default:
                    if (!extra.Contains(name[2..]) || !int.TryParse(value, CultureInfo.InvariantCulture, out var number) || number < 1)
                        return Fail($"{name} {value}: unknown option or not a whole number of at least 1", usage);
                    more[name[2..]] = value;
                    break;
            }
        }
        if (!Directory.Exists(data)) return Fail($"{data}: no such folder (the CheckThat! 2020 task 2 files; --data DIR)", usage);
        // A smoke run's tiny sizes must not replace the last full run's file: it writes only where --out says.
        if (smoke) return new PeerOptions(smokeSize, null, true, 1, data, output, more);
        if (positional is null) return Fail("SIZE or DB is missing", usage);
        if (int.TryParse(positional, CultureInfo.InvariantCulture, out var size))
            return size >= 1 ? new PeerOptions(size, null, false, runs, data, output ?? DefaultOutput, more) : Fail($"{positional}: the size must be at least 1", usage);
        if (!StoreFactory.IsPostgres(positional) && !File.Exists(positional)) return Fail($"{positional}: neither a number nor an existing store", usage);
        return new PeerOptions(0, positional, false, runs, data, output ?? DefaultOutput, more);
    }

    private static readonly string DefaultOutput = Path.Combine("bench", "results");

    public int Int(string name, int fallback) => Extra.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Writes the result file (a smoke run only with --out).</summary>
    public void Save(BenchResult result)
    {
        if (Output is null)
        {
            Console.WriteLine($"smoke run: {result.Benchmark}.json not written (give --out DIR for it)");
            return;
        }
        result.Save(Output);
        Console.WriteLine($"wrote {Path.Combine(Output, result.Benchmark + ".json")}");
    }

    private static PeerOptions? Fail(string problem, string usage)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(usage);
        return null;
    }
}
