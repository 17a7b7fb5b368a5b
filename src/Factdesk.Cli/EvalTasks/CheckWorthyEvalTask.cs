using System.CommandLine;
using Factdesk.Claims;
using Factdesk.Evaluation;
using Factdesk.Ingestion;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval checkworthy`: the check-worthiness model on ClaimBuster, CLEF 2019 debates or CLEF 2020 tweets.</summary>
public sealed class CheckWorthyEvalTask : IEvalTask
{
    private readonly Argument<string> _path = new("PATH")
    {
        Description = "The data set: the ClaimBuster JSON file, the CLEF 2019 folder of debate .tsv files, or the CLEF 2020 tweets .tsv file",
    };

    private readonly Option<string> _format = new Option<string>("--format")
    {
        Description = "How PATH is laid out",
        Required = true,
    }.AcceptOnlyFromAmong(CheckWorthyFormats.All);

    private readonly Option<double> _threshold = new("--threshold")
    {
        Description = "Score at or above which a sentence counts as check-worthy for precision, recall and F1",
        DefaultValueFactory = _ => CheckWorthiness.DefaultThreshold,
    };

    private readonly Option<string?> _predictions = new("--predictions")
    {
        Description = "Also write `id<TAB>score` for every scored item, in input order",
        HelpName = "FILE",
    };

    private readonly Option<bool> _all = new("--all")
    {
        Description = "Score every item, including those training saw (by default only the held-out development part: " +
                      "a stable 20% of ClaimBuster sentence ids, a stable quarter of the CLEF 2019 debates, all tweets)",
    };

    private readonly Option<string?> _model = new("--model")
    {
        Description = "Score this model file instead of the one built into Factdesk",
        HelpName = "FILE",
    };

    private (string Path, IReadOnlyList<LabelledSentence> Items)? _read;

    public string Name => CheckWorthinessBenchmark.TaskName;

    public string Description =>
        "Check-worthiness on the held-out development part: positive-class precision, recall and F1 at the threshold; " +
        "MAP and P@5..P@30 per debate or topic for the CLEF formats. The table adds a TF-IDF logistic-regression " +
        "baseline trained on the training part of the same data (none for tweets, which have no training part)";

    public IReadOnlyList<Option> Options => [_format, _threshold, _predictions, _all, _model];

    public IReadOnlyList<Argument> Arguments => [_path];

    public EvalReport Run(ParseResult parse)
    {
        var threshold = parse.GetValue(_threshold);
        if (!(threshold is >= 0 and <= 1))
            throw new InputException("--threshold", "must be between 0 and 1");
        var items = Scored(parse);
        if (items.Count == 0)
            throw new InputException(parse.GetValue(_path)!, "holds no held-out items to score (use --all to score everything)");
        var model = parse.GetValue(_model) is { } file
            ? CheckWorthinessModel.LoadFile(file)
            : CheckWorthinessModel.Shipped ?? throw new InputException(CheckWorthinessModel.FileName, "no model is built into Factdesk; run `factdesk train checkworthy` and rebuild, or pass --model");
        var scores = model.Score(items.Select(i => i.Text).ToArray());
        if (parse.GetValue(_predictions) is { } predictions)
            OutputFile.Write(predictions, CheckWorthinessBenchmark.Predictions(items, scores));
        return CheckWorthinessBenchmark.Score(items, scores, threshold, CheckWorthyFormats.IsRanked(parse.GetValue(_format)!));
    }

    public IReadOnlyList<ReferenceScore> References(ParseResult parse)
    {
        var training = All(parse).Where(i => !i.IsDevelopment).ToArray();
        if (!training.Any(i => i.Label) || training.All(i => i.Label)) return [];
        var items = Scored(parse);
        var scores = CheckWorthinessTraining.TrainBaseline(training).Score(items.Select(i => i.Text).ToArray());
        var report = CheckWorthinessBenchmark.Score(items, scores, parse.GetValue(_threshold), CheckWorthyFormats.IsRanked(parse.GetValue(_format)!));
        return [new ReferenceScore("tfidf-logreg baseline", report)];
    }

    private IReadOnlyList<LabelledSentence> Scored(ParseResult parse) =>
        parse.GetValue(_all) ? All(parse) : All(parse).Where(i => i.IsDevelopment).ToArray();

    private IReadOnlyList<LabelledSentence> All(ParseResult parse)
    {
        var path = parse.GetValue(_path)!;
        if (_read is not { } read || read.Path != path)
            _read = read = (path, CheckWorthyFormats.Read(parse.GetValue(_format)!, path));
        return read.Items;
    }
}
