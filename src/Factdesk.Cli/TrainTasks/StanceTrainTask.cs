using System.CommandLine;
using Factdesk.Evidence;
using Factdesk.Ingestion;
using Factdesk.Learning;

namespace Factdesk.Cli.TrainTasks;

/// <summary>`factdesk train stance`: the FNC-1 stance classifier, scored on bodies held out by Body ID.</summary>
public sealed class StanceTrainTask : ITrainTask
{
    private readonly Option<string> _bodies = FncOptions.Bodies();
    private readonly Option<string> _stances = FncOptions.Stances();
    private readonly Option<string?> _out = new("--out") { Description = "Where to save the model [default: models/stance.zip in the checkout]; the model card goes beside it as .md", HelpName = "FILE" };
    private readonly Option<int> _trees = new("--trees") { Description = "Boosting rounds", DefaultValueFactory = _ => new StanceClassifier.Options().Trees };
    private readonly Option<float> _rareWeight = new("--rare-weight") { Description = "Weight of agree examples in training (disagree gets twice this); unrelated and discuss weigh 1", DefaultValueFactory = _ => new StanceClassifier.Options().RareClassWeight };
    private readonly Option<int> _leaves = new("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => new StanceClassifier.Options().Leaves };

    public string Name => "stance";

    public string Description => "Stance of a text toward a claim (FNC-1 agree/disagree/discuss/unrelated); LightGBM on TF-IDF, overlap and cue features. 20 % of bodies are held out by Body ID and scored";

    public IReadOnlyList<Option> Options => [_bodies, _stances, _out, _trees, _leaves, _rareWeight];

    public int Run(ParseResult parse, TextWriter output)
    {
        var bodiesPath = parse.GetValue(_bodies)!;
        var stancesPath = parse.GetValue(_stances)!;
        var outPath = parse.GetValue(_out)
            ?? Path.Combine(ShippedModels.RepositoryModelsFolder() ?? throw new InputException("--out", "not inside a Factdesk checkout; say where to save the model"), StanceClassifier.ModelFile);
        var bodies = FncDataset.ReadBodies(bodiesPath);
        var pairs = StanceBenchmark.Labelled(stancesPath, FncDataset.ReadStances(stancesPath), bodies);
        var train = pairs.Where(p => !StanceBenchmark.IsDevelopment(p)).ToArray();
        var dev = pairs.Where(StanceBenchmark.IsDevelopment).ToArray();
        if (train.Length == 0 || dev.Length == 0)
            throw new InputException(stancesPath, $"too few bodies to hold out a development split ({train.Length} training and {dev.Length} development pairs)");
        output.WriteLine($"training on {train.Length} pairs ({train.Select(p => p.BodyId).Distinct().Count()} bodies), holding out {dev.Length} pairs ({dev.Select(p => p.BodyId).Distinct().Count()} bodies)");

        var options = new StanceClassifier.Options(Trees: parse.GetValue(_trees), Leaves: parse.GetValue(_leaves), RareClassWeight: parse.GetValue(_rareWeight));
        var started = DateTime.UtcNow;
        var classifier = StanceClassifier.Train(bodies, train, options);
        var minutes = (DateTime.UtcNow - started).TotalMinutes;
        var (_, score) = StanceBenchmark.Evaluate(classifier, bodies, dev);
        output.WriteLine("development split: " + StanceBenchmark.Summary(score));
        output.WriteLine(StanceBenchmark.ConfusionTable(score));

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using (var file = File.Create(outPath))
                classifier.Save(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(outPath, e.Message);
        }
        var card = Path.ChangeExtension(outPath, ".md");
        OutputFile.Write(card, StanceModelCard.Write(bodiesPath, stancesPath, train.Length, dev.Length, options, score, new FileInfo(outPath).Length, minutes));
        output.WriteLine($"saved {outPath} ({new FileInfo(outPath).Length / 1024.0:0} KB) and {card}; rebuild to ship it");
        return 0;
    }
}
