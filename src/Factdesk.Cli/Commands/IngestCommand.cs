using System.CommandLine;
using Factdesk.Cli.Rendering;
using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Storage;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk ingest PATH...`: read articles, analyse each and store it with its dossier in the database.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Articles (.html, .htm, .html.gz, .txt, .md), folders (read recursively), RSS/Atom feeds " +
                          "(.rss, .atom, .xml), JSON Lines of {url, html|text} (.jsonl), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = DatabaseOption.Create("The database to store into: a SQLite file (created when missing) or a PostgreSQL connection string");
        var log = RunLog.Option();
        var command = new Command("ingest", "Read articles, analyse each one and store it with its dossier; copies are stored once") { paths, database, log };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var store = StoreFactory.OpenArticles(parse.GetValue(database)!);
            var ingester = new ArticleIngester(store, PipelineBuilder.CreateDefault().Build());
            var items = InputSources.Expand(parse.GetValue(paths)!, Console.OpenStandardInput).ToList();
            var outcomes = Run(items, ingester, output);
            RunLog.Ingest(parse.GetValue(log), outcomes);
            IngestSummary.Write(Terminal.For(output), outcomes);
            output.Flush();
            // The batch always finishes; a non-zero code still tells scripts that something was not stored.
            return outcomes.Any(o => o.Status == IngestStatus.Failed) ? FactdeskCli.BadInput : 0;
        });
        return command;
    }

    private static List<IngestOutcome> Run(List<InputItem> items, ArticleIngester ingester, TextWriter output)
    {
        if (!Terminal.IsLive(output))
            return items.ConvertAll(ingester.Ingest);
        var outcomes = new List<IngestOutcome>(items.Count);
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Ingesting", maxValue: items.Count);
                foreach (var item in items)
                {
                    outcomes.Add(ingester.Ingest(item));
                    task.Increment(1);
                }
            });
        return outcomes;
    }
}
