using System.CommandLine;
using Factdesk.Cli.Rendering;
using Factdesk.FactChecks;
using Factdesk.Matching;
using Factdesk.Storage;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk import FILE...`: store published fact-checks with their claim embeddings, for `match` and `check --db`.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "ClaimReview JSON-LD (.json, .jsonld: an object, an array or an @graph; Factdesk's export) or HTML pages carrying it, " +
                          "the Poynter CoronaVirusFacts data.csv or data.json, CheckThat! 2020 verified_claims.docs.tsv or 2022 vclaims.zip",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = DatabaseOption.Create("The database to import into: a SQLite file (created when missing) or a PostgreSQL connection string");
        var log = RunLog.Option();
        var command = new Command("import", "Import published fact-checks; a fact-check already stored is not added again") { files, database, log };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var store = StoreFactory.OpenFactChecks(parse.GetValue(database)!);
            SentenceEncoder? encoder = null;
            try
            {
                var importer = new FactCheckImporter(store, () => encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount));
                var results = Run(parse.GetValue(files)!, importer, output);
                RunLog.Import(parse.GetValue(log), results);
                // The search indexes are brought up to date now, so that the first search does not pay for it.
                if (results.Any(r => r.Imported > 0)) StoreIndexes.Open(store);
                ImportSummary.Write(Terminal.For(output), results);
                output.Flush();
                return results.Any(r => ImportSummary.Failures(r) > 0) ? FactdeskCli.BadInput : 0;
            }
            finally
            {
                encoder?.Dispose();
            }
        });
        return command;
    }

    private static List<FileImport> Run(string[] paths, FactCheckImporter importer, TextWriter output)
    {
        if (!Terminal.IsLive(output))
            return paths.Select(p => importer.Import(p)).ToList();
        var results = new List<FileImport>(paths.Length);
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                foreach (var path in paths)
                {
                    var task = context.AddTask($"Encoding {Markup.Escape(Path.GetFileName(path))}", maxValue: 1);
                    results.Add(importer.Import(path, (done, total) =>
                    {
                        task.MaxValue = total;
                        task.Value = done;
                    }));
                    task.Value = task.MaxValue;
                }
            });
        return results;
    }
}
