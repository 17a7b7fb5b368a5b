using System.CommandLine;
using System.Globalization;
using Factdesk.Cli.EvalTasks;
using Factdesk.Cli.Rendering;
using Factdesk.Evaluation;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk eval TASK ...`: one subcommand per <see cref="IEvalTask"/>, all printing the same shapes.</summary>
internal static class EvalCommand
{
    private const string Ours = "factdesk";

    public static Command Create(IReadOnlyList<IEvalTask> tasks)
    {
        var eval = new Command("eval", "Score Factdesk on a benchmark; every task reports n items and metrics in [0,1]");
        foreach (var task in tasks)
            eval.Add(CreateTaskCommand(task));
        return eval;
    }

    private static Command CreateTaskCommand(IEvalTask task)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object {\"task\", \"n\", \"metrics\"} instead of a table",
        };
        var command = new Command(task.Name, task.Description);
        foreach (var option in task.Options)
            command.Add(option);
        foreach (var argument in task.Arguments)
            command.Add(argument);
        command.Add(json);
        command.SetAction(parse =>
        {
            var report = task.Run(parse);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                output.WriteLine(report.ToJson());
            else
            {
                WriteTable(Terminal.For(output), report, task.References(parse));
                if (task.Details is { } details)
                    output.WriteLine(details);
            }
            output.Flush();
            return 0;
        });
        return command;
    }

    /// <summary>Factdesk and the reference systems ranked together by the first metric, Factdesk's row in bold.</summary>
    private static void WriteTable(IAnsiConsole console, EvalReport ours, IReadOnlyList<ReferenceScore> references)
    {
        var metrics = ours.Metrics.Keys.ToArray();
        var table = new Table().Border(TableBorder.Rounded).Title($"eval {ours.Task}");
        table.AddColumn("System").AddColumn(new TableColumn("n").RightAligned());
        foreach (var metric in metrics)
            table.AddColumn(new TableColumn(metric).RightAligned());

        var rows = references.Select(r => (r.System, r.Report)).Prepend((System: Ours, Report: ours));
        if (metrics.Length > 0)
            rows = rows.OrderByDescending(r => r.Report.Metrics.GetValueOrDefault(metrics[0], -1));
        foreach (var (system, report) in rows)
        {
            var style = system == Ours && ReferenceEquals(report, ours) ? new Style(decoration: Decoration.Bold) : Style.Plain;
            var cells = new[] { system, report.N.ToString(CultureInfo.InvariantCulture) }
                .Concat(metrics.Select(m => report.Metrics.TryGetValue(m, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–"))
                .Select(c => new Text(c, style));
            table.AddRow(cells);
        }
        console.Write(table);
    }
}
