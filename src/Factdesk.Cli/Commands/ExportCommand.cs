using System.CommandLine;
using Factdesk.FactChecks;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk export FILE`: every stored fact-check as a JSON array of ClaimReview JSON-LD.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The JSON file to write (replaced when it exists)" };
        var database = DatabaseOption.Create("The database to export from: a SQLite file or a PostgreSQL connection string");
        var command = new Command("export", "Write every stored fact-check as ClaimReview JSON-LD; `factdesk import` reads it back") { file, database };
        command.SetAction(parse =>
        {
            using var store = DatabaseOption.OpenExisting(parse.GetValue(database)!);
            var count = 0;
            OutputFile.Write(parse.GetValue(file)!, stream => count = FactCheckExport.Write(store.All(), stream));
            parse.InvocationConfiguration.Output.WriteLine($"Exported {count} fact-check(s) to {parse.GetValue(file)}");
            return 0;
        });
        return command;
    }
}
