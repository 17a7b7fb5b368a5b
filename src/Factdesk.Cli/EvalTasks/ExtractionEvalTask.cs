using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Ingestion;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval extraction`: main-text extraction on the article-extraction-benchmark format.</summary>
public sealed class ExtractionEvalTask : IEvalTask
{
    private readonly Option<string> _htmlDir = new("--html-dir")
    {
        Description = "Folder of pages named <id>.html or <id>.html.gz",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string> _truth = new("--truth")
    {
        Description = "Gold bodies: JSON mapping each id to {\"articleBody\": ...}",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _predictions = new("--predictions")
    {
        Description = "Also write what Factdesk extracted, in the same format as the truth file",
        HelpName = "FILE",
    };

    private readonly Option<string?> _references = new("--references")
    {
        Description = "Folder of other systems' outputs (<system>.json) to score beside Factdesk in the table [default: output/ next to the truth file, if present]",
        HelpName = "DIR",
    };

    public string Name => ExtractionBenchmark.TaskName;

    public string Description => "Article main-text extraction: 4-word shingle precision and recall per page, averaged; F1 of the averages";

    public IReadOnlyList<Option> Options => [_htmlDir, _truth, _predictions, _references];

    public EvalReport Run(ParseResult parse)
    {
        var htmlDir = parse.GetValue(_htmlDir)!;
        var truth = ExtractionBenchmark.ReadBodies(parse.GetValue(_truth)!);
        var predictions = ExtractionBenchmark.ExtractAll(htmlDir, truth.Keys);
        if (predictions.Count == 0)
            throw new InputException(htmlDir, "holds no page for any id in the truth file");
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, ExtractionBenchmark.PredictionsJson(predictions) + Environment.NewLine);
        return ExtractionBenchmark.Score(truth, predictions, predictions.Keys);
    }

    public IReadOnlyList<ReferenceScore> References(ParseResult parse)
    {
        var truthPath = parse.GetValue(_truth)!;
        var explicitDir = parse.GetValue(_references);
        var dir = explicitDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(truthPath))!, "output");
        if (!Directory.Exists(dir))
        {
            return explicitDir is null ? [] : throw new InputException(dir, "no such directory");
        }

        var truth = ExtractionBenchmark.ReadBodies(truthPath);
        // Only the items Factdesk was scored on, so every row of the table covers the same pages.
        var ids = ExtractionBenchmark.IdsWithPages(parse.GetValue(_htmlDir)!, truth.Keys);
        return Directory.EnumerateFiles(dir, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new ReferenceScore(
                Path.GetFileNameWithoutExtension(path),
                ExtractionBenchmark.Score(truth, ExtractionBenchmark.ReadBodies(path), ids)))
            .ToArray();
    }
}
