using System.CommandLine;
using Factdesk.Cli.Rendering;
using Factdesk.Storage;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk doctor`: check that a database is whole, e.g. after a crash or a kill mid-ingest.</summary>
internal static class DoctorCommand
{
    public const int Unhealthy = 1;

    public static Command Create()
    {
        var database = DatabaseOption.Create("The SQLite database to check");
        var command = new Command("doctor", "Check a database: SQLite integrity, foreign keys, the full-text index against its rows, no orphan rows, a known schema") { database };
        command.SetAction(parse =>
        {
            StoreFactory.RequireSqlite(parse.GetValue(database)!, "doctor");
            var checks = StoreDoctor.Examine(parse.GetValue(database)!);
            var table = new Table().AddColumn("check").AddColumn("result").AddColumn("detail");
            foreach (var check in checks)
                table.AddRow(Markup.Escape(check.Name), check.Passed ? "[green]ok[/]" : "[red]FAILED[/]", Markup.Escape(check.Detail));
            var output = parse.InvocationConfiguration.Output;
            Terminal.For(output).Write(table);
            var failed = checks.Count(c => !c.Passed);
            output.WriteLine(failed == 0 ? "All checks passed." : $"{failed} check(s) failed.");
            return failed == 0 ? 0 : Unhealthy;
        });
        return command;
    }
}
