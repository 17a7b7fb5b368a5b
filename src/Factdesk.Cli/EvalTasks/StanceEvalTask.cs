using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Evidence;
using Factdesk.Ingestion;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval stance`: the FNC-1 score, per-class and macro F1 of the stance classifier.</summary>
public sealed class StanceEvalTask : IEvalTask
{
    private readonly Option<string> _bodies = FncOptions.Bodies();
    private readonly Option<string> _stances = FncOptions.Stances();

    private readonly Option<string> _split = new("--split")
    {
        Description = "dev: only the bodies `factdesk train stance` held out (Body ID split, 20 %), so training data is not scored; all: every pair (use for files the model was not trained on)",
        DefaultValueFactory = _ => "dev",
    };

    private readonly Option<string?> _predictions = new("--predictions") { Description = "Also write the predictions as an FNC-1 submission CSV (Headline,Body ID,Stance)", HelpName = "FILE" };
    private readonly Option<string?> _model = new("--model") { Description = "A model saved by `factdesk train stance --out` [default: the one built into Factdesk]", HelpName = "FILE" };

    public StanceEvalTask() => _split.AcceptOnlyFromAmong("dev", "all");

    public string Name => FncScore.TaskName;

    public string Description => "Stance (FNC-1): official score as a fraction of the maximum, per-class F1, macro-F1, confusion matrix. Scores the held-out development bodies by default";

    public IReadOnlyList<Option> Options => [_bodies, _stances, _split, _predictions, _model];

    public string? Details { get; private set; }

    public EvalReport Run(ParseResult parse)
    {
        var classifier = Classifier(parse.GetValue(_model));
        var stancesPath = parse.GetValue(_stances)!;
        var bodies = FncDataset.ReadBodies(parse.GetValue(_bodies)!);
        var pairs = StanceBenchmark.Labelled(stancesPath, FncDataset.ReadStances(stancesPath), bodies);
        if (parse.GetValue(_split) == "dev")
            pairs = pairs.Where(StanceBenchmark.IsDevelopment).ToArray();
        if (pairs.Count == 0)
            throw new InputException(stancesPath, "has no pairs to score in the chosen split");
        var (predicted, score) = StanceBenchmark.Evaluate(classifier, bodies, pairs);
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, FncDataset.PredictionsCsv(pairs, predicted));
        Details = "Confusion matrix (rows gold, columns predicted):\n" + StanceBenchmark.ConfusionTable(score);
        return score.ToReport();
    }

    private static StanceClassifier Classifier(string? path)
    {
        if (path is null)
            return StanceClassifier.Shipped ?? throw new InputException("models/stance.zip", "this build has no stance model; run `factdesk train stance` and rebuild, or pass --model");
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        try
        {
            using var stream = File.OpenRead(path);
            return StanceClassifier.Load(stream);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new InputException(path, "is not a stance model saved by `factdesk train stance`");
        }
    }
}
