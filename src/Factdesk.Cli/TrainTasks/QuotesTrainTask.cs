using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Learning;
using Factdesk.Quotes;

namespace Factdesk.Cli.TrainTasks;

/// <summary>
/// `factdesk train quotes`: the attribution tagger from a PolNeAR training split. PolNeAR states no licence (internal
/// evaluation only), so the model is not shipped: it is written outside models/, under the checkout's .build/ by default.
/// </summary>
public sealed class QuotesTrainTask : ITrainTask
{
    public const string DefaultModel = "attribution.bin";

    private const double HeldOutShare = 0.1;
    private const int MinArticlesToHoldOut = 20;

    private readonly Option<string> _polnear = new("--polnear")
    {
        Description = $"A PolNeAR training split (text/ and attributions/); a stable {HeldOutShare:P0} of its articles is held out to pick the epoch",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<int> _epochs = new("--epochs")
    {
        Description = "Passes over the training articles",
        DefaultValueFactory = _ => 8,
    };

    private readonly Option<int> _folds = new("--folds")
    {
        Description = "Cross-fitting folds: the linkers also learn from the tags of taggers trained on the other folds (0: from the gold runs only)",
        DefaultValueFactory = _ => 4,
    };

    private readonly Option<int> _passes = new("--passes")
    {
        Description = "2: a second tagger pass stacked on the first's cross-fitted tags (needs --folds); 1: one pass",
        DefaultValueFactory = _ => 2,
    };

    private readonly Option<string?> _out = new("--out")
    {
        Description = $"Where to save the model [default: .build/{DefaultModel} in the checkout; not models/, PolNeAR's terms allow no redistribution]",
        HelpName = "FILE",
    };

    public string Name => PolnearBenchmark.TaskName;

    public string Description => "Attribution tagger (content, cue, source): averaged perceptron on PolNeAR, for `eval quotes --model`";

    public IReadOnlyList<Option> Options => [_polnear, _epochs, _folds, _passes, _out];

    /// <summary>Where `train quotes` saves by default and `eval quotes --model` looks: .build/ beside models/.</summary>
    public static string? DefaultPath() =>
        ShippedModels.RepositoryModelsFolder() is { } models ? Path.Combine(Path.GetDirectoryName(models)!, ".build", DefaultModel) : null;

    public int Run(ParseResult parse, TextWriter output)
    {
        var dir = parse.GetValue(_polnear)!;
        if (!Directory.Exists(dir)) throw new InputException(dir, "no such folder");
        var epochs = parse.GetValue(_epochs);
        if (epochs < 1) throw new InputException("--epochs", "must be at least 1");
        var folds = parse.GetValue(_folds);
        if (folds is < 0 or 1) throw new InputException("--folds", "must be 0 (no cross-fitting) or at least 2");
        var passes = parse.GetValue(_passes);
        if (passes is not (1 or 2)) throw new InputException("--passes", "must be 1 or 2");
        if (passes == 2 && folds == 0) throw new InputException("--passes", "a second pass learns from cross-fitted tags: give --folds 2 or more, or --passes 1");
        var outPath = parse.GetValue(_out) ?? DefaultPath() ?? throw new OutputException(".build/", "not inside a Factdesk checkout; give --out");

        var clock = Stopwatch.StartNew();
        var articles = PolnearBenchmark.Read(dir);
        var analysed = articles.Zip(PolnearBenchmark.Analysed(articles), (a, d) => (Article: a, Document: d)).ToList();
        // A split too small to spare articles is all training, and the last epoch is kept.
        bool HeldOut(PolnearArticle a) => articles.Count >= MinArticlesToHoldOut && StableSplit.IsDevelopment(a.Name, HeldOutShare);
        var train = analysed.Where(x => !HeldOut(x.Article)).Select(x => (x.Document, x.Article.Gold)).ToList();
        var heldOut = analysed.Where(x => HeldOut(x.Article)).Select(x => (x.Document, x.Article.Gold)).ToList();
        output.WriteLine($"{train.Count} training articles, {heldOut.Count} held out; analysed in {clock.Elapsed.TotalSeconds:0} s");
        if (articles.Count < MinArticlesToHoldOut && (folds, passes) != (0, 1))
        {
            // Taggers trained on a few articles' other folds tag next to nothing: the linkers keep to the gold runs.
            (folds, passes) = (0, 1);
            output.WriteLine($"fewer than {MinArticlesToHoldOut} articles: no cross-fitting, one pass");
        }
        clock.Restart();
        var tagger = AttributionTrainer.Train(train, heldOut, epochs, e => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {e.Epoch}: held-out content F1 {e.Content.F1:0.000}, content+source F1 {e.ContentSource.F1:0.000} (P {e.ContentSource.Precision:0.000}, R {e.ContentSource.Recall:0.000}), {e.Features} features{(e.Best ? ", best so far" : "")}")),
            folds: folds,
            linked: e => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"linkers retrained with {folds}-fold cross-fitted tags of epoch {e.Epoch}: held-out content F1 {e.Content.F1:0.000}, content+source F1 {e.ContentSource.F1:0.000} (P {e.ContentSource.Precision:0.000}, R {e.ContentSource.Recall:0.000})")),
            stacked: passes == 2,
            secondPass: e => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"second pass epoch {e.Epoch}: held-out content F1 {e.Content.F1:0.000}, content+source F1 {e.ContentSource.F1:0.000} (P {e.ContentSource.Precision:0.000}, R {e.ContentSource.Recall:0.000}), {e.Features} features{(e.Best ? ", best so far" : "")}")));
        tagger = AttributionTrainer.ChooseOutsideBias(tagger, heldOut, (bias, s) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outside bias {bias}: held-out content F1 {s.Content.F1:0.000}, content+source F1 {s.ContentSource.F1:0.000} (P {s.ContentSource.Precision:0.000}, R {s.ContentSource.Recall:0.000})")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outside bias {tagger.OutsideBias} kept; trained in {clock.Elapsed.TotalSeconds:0} s"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        tagger.Save(outPath);
        output.WriteLine($"saved {outPath}");
        return 0;
    }
}
