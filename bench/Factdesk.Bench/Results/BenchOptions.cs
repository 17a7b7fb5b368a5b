using System.Globalization;

namespace Factdesk.Bench.Results;

/// <summary>
/// The options every bench/run mode shares: <c>--runs N</c> timed runs after the warm-up (5 unless told),
/// <c>--smoke</c> (tiny sizes, one run: CI only checks that the harness still works), <c>--results DIR</c> (where the
/// JSON goes, bench/results of the repository unless told), and the mode's own <c>--name value</c> pairs.
/// </summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];
    public bool Smoke { get; }
    public int Runs { get; }
    public string ResultsDirectory { get; }

    /// <summary>The command line as given, for the result file: which command produced these numbers.</summary>
    public string Command { get; }

    public BenchOptions(string mode, string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke") Smoke = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) _values[args[i]] = args[++i];
            else Positional.Add(args[i]);
        }
        Runs = Smoke ? 1 : Int("--runs", 5);
        ResultsDirectory = _values.GetValueOrDefault("--results") ?? Path.Combine(RepositoryRoot(), "bench", "results");
        Command = "Factdesk.Bench " + mode + " " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? '"' + a + '"' : a));
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The folder holding Factdesk.slnx, looked for upwards from the working folder and from the program's.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Factdesk.slnx")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("No Factdesk.slnx above " + Directory.GetCurrentDirectory());
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
