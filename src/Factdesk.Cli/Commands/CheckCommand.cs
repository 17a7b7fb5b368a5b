using System.CommandLine;
using Factdesk.Cli.Rendering;
using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Matching;
using Factdesk.Output;
using Factdesk.Pipeline;
using Factdesk.Publishing;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk check PATH|-`: analyse one article and print or save its dossier.</summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "The article to check: a text or HTML file, or - to read standard input",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a terminal summary; json: the full dossier; markdown: a report",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the result to this file instead of standard output (text is then written without colours)",
            HelpName = "FILE",
        };

        var scale = ScaleOption.Create("put on");

        var database = new Option<string?>("--db")
        {
            Description = "Also look up earlier fact-checks of the reviewed claim and the top check-worthy claims in this database: a SQLite file or a PostgreSQL connection string (see import)",
            HelpName = "PATH|URL",
        };
        var thresholds = new ThresholdOptions();
        var reranker = new RerankerOption();

        var command = new Command("check", "Analyse one article: quotes, claims, entities and any verdict it states")
        {
            path, format, output, scale, database, thresholds.Suggest, thresholds.Confident, reranker.Option,
        };
        command.SetAction(parse =>
        {
            var levels = thresholds.Read(parse);
            var model = parse.GetValue(database) is null ? null : reranker.Read(parse);
            var document = Analyse(parse.GetValue(path)!, RatingScales.Get(parse.GetValue(scale)!));
            if (parse.GetValue(database) is { } db)
                AddMatches(document, db, levels, model);
            var chosen = parse.GetValue(format)!;
            if (parse.GetValue(output) is { } file)
            {
                var content = new StringWriter();
                Render(document, chosen, content);
                OutputFile.Write(file, content.ToString());
            }
            else
            {
                Render(document, chosen, parse.InvocationConfiguration.Output);
            }
            return 0;
        });
        return command;
    }

    /// <summary>What `check` does before rendering; the benchmark measures the same path.</summary>
    public static Document Analyse(string path, RatingScale? scale = null)
    {
        var pipeline = PipelineBuilder.CreateDefault(scale).Build();
        _ = pipeline.Preload(); // the models load on the other core while the article is read and segmented
        return pipeline.Process(ArticleLoader.Load(path));
    }

    // Only with --db: the encoder takes about a second to load, which `check` alone should not pay.
    private static void AddMatches(Document document, string db, MatchThresholds levels, MatchReranker? reranker)
    {
        using var store = DatabaseOption.OpenExisting(db);
        if (store.Count() == 0) return;
        using var encoder = SentenceEncoder.LoadForQueries();
        DossierMatches.Fill(document, new FactCheckSearch(store, encoder) { Reranker = reranker }, levels);
    }

    private static void Render(Document document, string format, TextWriter target)
    {
        switch (format)
        {
            case "json":
                target.WriteLine(DossierJson.Serialize(document));
                break;
            case "markdown":
                target.Write(DossierMarkdown.Render(document));
                break;
            default:
                TerminalSummary.Write(Terminal.For(target), document);
                break;
        }
        target.Flush();
    }
}
