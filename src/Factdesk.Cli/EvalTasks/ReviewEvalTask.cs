using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Pipeline;
using Factdesk.Publishing;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval review`: the reviewed claim, claimant and stated verdict read from annotated fact-check articles.</summary>
public sealed class ReviewEvalTask : IEvalTask
{
    private readonly Option<string> _examples = new("--examples")
    {
        Description = "A folder of fact-check articles with an index.jsonl of {file, claim_quote, claimant, claimant_title, verdict} per line",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string> _scale = ScaleOption.Create("put on");

    public string Name => ReviewBenchmark.TaskName;

    public string Description => "Reading another outlet's fact-check: share of articles recognised, claims found, claimants named, title word overlap, verdicts read";

    public IReadOnlyList<Option> Options => [_examples, _scale];

    public string? Details { get; private set; }

    public EvalReport Run(ParseResult parse)
    {
        var dir = parse.GetValue(_examples)!;
        if (!Directory.Exists(dir)) throw new InputException(dir, "no such folder");
        var scale = RatingScales.Get(parse.GetValue(_scale)!);
        var (report, lines) = ReviewBenchmark.Run(PipelineBuilder.CreateDefault(scale).Build(), scale, ReviewBenchmark.Read(dir));
        Details = string.Join('\n', lines);
        return report;
    }
}
