using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Factdesk.Bench.Results;

/// <summary>
/// `report [--results DIR] [--doc FILE] [--img DIR]`: rebuilds the generated parts of docs/BENCHMARKS.md from
/// bench/results/*.json and draws the charts under docs/img. The document marks each generated part with
/// <c>&lt;!-- bench:NAME --&gt;</c> ... <c>&lt;!-- /bench:NAME --&gt;</c>; everything between the two markers is
/// rewritten from NAME.json (a table of every measurement: median, spread, runs, and ours ÷ peer run by run; the
/// machine line, the commands and the notes; links to the charts), everything outside them is left as written.
/// A result without markers in the document is reported, not appended: where it goes is a writer's choice.
/// </summary>
internal static class BenchReport
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("report", args);
        var root = BenchOptions.RepositoryRoot();
        var doc = options.Text("--doc") ?? Path.Combine(root, "docs", "BENCHMARKS.md");
        var images = options.Text("--img") ?? Path.Combine(root, "docs", "img");
        if (!Directory.Exists(options.ResultsDirectory) || !File.Exists(doc))
        {
            Console.Error.WriteLine($"report: needs {options.ResultsDirectory} and {doc}");
            return 2;
        }
        var text = File.ReadAllText(doc);
        var imageLink = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(doc))!, Path.GetFullPath(images)).Replace('\\', '/');
        Directory.CreateDirectory(images);
        foreach (var file in Directory.EnumerateFiles(options.ResultsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var result = BenchResult.Load(file);
            var charts = BenchCharts.Draw(result, images);
            var block = Table(result, charts.Select(c => $"{imageLink}/{Path.GetFileName(c.Path)}|{c.Caption}").ToList());
            var pattern = new Regex($"(<!-- bench:{Regex.Escape(result.Benchmark)} -->\\n)(.*?)(<!-- /bench:{Regex.Escape(result.Benchmark)} -->)", RegexOptions.Singleline);
            if (!pattern.IsMatch(text))
            {
                Console.WriteLine($"report: {Path.GetFileName(file)} has no <!-- bench:{result.Benchmark} --> block in {doc}; its table was not written");
                continue;
            }
            text = pattern.Replace(text, m => m.Groups[1].Value + block + m.Groups[3].Value, 1);
            Console.WriteLine($"report: {result.Benchmark}: {result.Measurements.Count} figures, {charts.Count} charts");
        }
        File.WriteAllText(doc, text);
        return 0;
    }

    /// <summary>The generated block: the machine line, a table of every figure, the commands, the notes, the charts.</summary>
    public static string Table(BenchResult result, IReadOnlyList<string> charts)
    {
        var m = result.Machine;
        var text = new StringBuilder();
        text.Append(Invariant($"Measured {result.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC on {m.Cores} cores, {m.MemoryGiB:0.#} GiB, .NET {m.Dotnet}, {m.Os}; load average {m.LoadAverage:0.0} at the start (the machine is shared: ratios hold better than absolute figures).\n\n"));
        text.Append("| system | figure | median | spread (min – max) | runs | ours ÷ peer, run by run: median (min – max) |\n");
        text.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var x in result.Measurements)
        {
            var spread = x.Runs.Count > 1 ? $"{Number(x.Min)} – {Number(x.Max)}" : "";
            var ratio = x.RatioRuns is { Count: > 0 } r ? $"**{Number(x.RatioMedian!.Value)}** ({Number(r.Min())} – {Number(r.Max())}) vs {x.Peer}" : "";
            var source = x.Source is null ? "" : $" (published: {x.Source})";
            text.Append($"| {x.System}{source} | {x.Metric} | {Format(x.Median, x.Unit)} | {spread} | {x.Runs.Count} | {ratio} |\n");
        }
        text.Append("\nCommand").Append(result.Commands().Count > 1 ? "s" : "").Append(":\n\n```bash\n");
        foreach (var command in result.Commands()) text.Append(command).Append('\n');
        text.Append("```\n\n");
        foreach (var note in result.Notes) text.Append("- ").Append(note).Append('\n');
        if (result.Notes.Count > 0) text.Append('\n');
        foreach (var chart in charts)
        {
            var (path, caption) = (chart.Split('|')[0], chart.Split('|')[1]);
            text.Append($"![{caption}]({path})\n\n");
        }
        return text.ToString();
    }

    /// <summary>A value with its unit; scores (in [0,1]) with three decimals, as the eval commands print them.</summary>
    public static string Format(double value, string unit) =>
        unit == "score" ? value.ToString("0.000", CultureInfo.InvariantCulture) : $"{Number(value)} {unit}";

    /// <summary>Three significant figures or so, thousands grouped: what a reader compares.</summary>
    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
