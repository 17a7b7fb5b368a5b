using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Evidence;
using Factdesk.Review;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval verdict`: the suggested verdict against PolitiFact's own on LIAR-PLUS.</summary>
public sealed class VerdictEvalTask : IEvalTask
{
    private readonly Option<string> _liar = new("--liar")
    {
        Description = "A LIAR-PLUS file with justifications (e.g. ../shared/datasets/liar/LIAR-PLUS/val2.tsv)",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _predictions = new("--predictions") { Description = "Also write each row's gold and predicted label, stance counts and explanation as TSV", HelpName = "FILE" };

    private readonly Option<string> _stance = new("--stance")
    {
        Description = "How each justification sentence's stance is read: model (the shipped classifier with the cue rules, as in `check`) or rules (the cue rules alone)",
        DefaultValueFactory = _ => "model",
    };

    public VerdictEvalTask() => _stance.AcceptOnlyFromAmong("model", "rules");

    public string Name => VerdictBenchmark.TaskName;

    public string Description => "Suggested verdict (LIAR-PLUS): 6-way and 2-way accuracy of the label suggested from the stances of the justification's sentences";

    public IReadOnlyList<Option> Options => [_liar, _stance, _predictions];

    public EvalReport Run(ParseResult parse)
    {
        var rows = LiarDataset.Read(parse.GetValue(_liar)!);
        var predictions = VerdictBenchmark.Predict(rows, parse.GetValue(_stance) == "rules" ? new SourceStance(null) : SourceStance.Default());
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, VerdictBenchmark.PredictionsTsv(predictions));
        return VerdictBenchmark.Score(predictions);
    }
}
