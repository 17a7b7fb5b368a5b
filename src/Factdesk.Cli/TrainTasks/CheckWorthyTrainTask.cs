using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Factdesk.Claims;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Learning;

namespace Factdesk.Cli.TrainTasks;

/// <summary>
/// `factdesk train checkworthy`: LightGBM on the training parts of ClaimBuster and the CLEF 2019 debates, then both it
/// and the TF-IDF logistic-regression baseline scored on the held-out parts (ClaimBuster dev ids, whole CLEF debates).
/// </summary>
public sealed class CheckWorthyTrainTask : ITrainTask
{
    private readonly Option<string> _claimBuster = new("--claimbuster")
    {
        Description = "ClaimBuster two_class/train.json; a stable 20% of its sentence ids is held out",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _clef2019 = new("--clef2019")
    {
        Description = "CLEF 2019 task 1 training folder of debate .tsv files; a stable quarter of the debates is held out",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string?> _out = new("--out")
    {
        Description = $"Where to save the model [default: models/{CheckWorthinessModel.FileName} in the checkout]",
        HelpName = "FILE",
    };

    private readonly Option<int> _iterations = new("--iterations")
    {
        Description = "LightGBM boosting rounds",
        DefaultValueFactory = _ => new CheckWorthinessTrainingOptions().Iterations,
    };

    private readonly Option<int> _leaves = new("--leaves")
    {
        Description = "LightGBM leaves per tree",
        DefaultValueFactory = _ => new CheckWorthinessTrainingOptions().Leaves,
    };

    public string Name => "checkworthy";

    public string Description => "Check-worthiness of sentences: LightGBM on TF-IDF n-grams and hand features, from ClaimBuster and CLEF 2019";

    public IReadOnlyList<Option> Options => [_claimBuster, _clef2019, _out, _iterations, _leaves];

    public int Run(ParseResult parse, TextWriter output)
    {
        var outPath = parse.GetValue(_out)
            ?? Path.Combine(ShippedModels.RepositoryModelsFolder() ?? throw new InputException("--out", "not in a source checkout; say where to save the model"), CheckWorthinessModel.FileName);
        var claimBuster = ClaimBusterReader.Read(parse.GetValue(_claimBuster)!);
        var clef = Clef2019Reader.Read(parse.GetValue(_clef2019)!);
        var training = claimBuster.Concat(clef).Where(s => !s.IsDevelopment).ToArray();
        output.WriteLine($"training on {training.Length} sentences ({training.Count(s => s.Label)} check-worthy); " +
                         $"held out: {claimBuster.Count(s => s.IsDevelopment)} ClaimBuster sentences, CLEF 2019 debates " +
                         string.Join(", ", clef.Where(s => s.IsDevelopment).Select(s => s.Group).Distinct()));

        var clock = Stopwatch.StartNew();
        var options = new CheckWorthinessTrainingOptions(Iterations: parse.GetValue(_iterations), Leaves: parse.GetValue(_leaves));
        var model = CheckWorthinessTraining.TrainLightGbm(training, options);
        output.WriteLine($"LightGBM trained in {clock.Elapsed.TotalSeconds:0} s");
        clock.Restart();
        var baseline = CheckWorthinessTraining.TrainBaseline(training);
        output.WriteLine($"baseline trained in {clock.Elapsed.TotalSeconds:0} s");

        foreach (var (name, system) in new[] { ("lightgbm", model), ("baseline", baseline) })
        {
            Report(output, $"{name} claimbuster dev", claimBuster, system, ranked: false);
            Report(output, $"{name} clef2019 held-out debates", clef, system, ranked: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        model.Save(outPath);
        output.WriteLine($"saved {outPath} ({new FileInfo(outPath).Length / 1024} KB); rebuild to ship it");
        return 0;
    }

    private static void Report(TextWriter output, string label, IReadOnlyList<LabelledSentence> data, CheckWorthinessModel model, bool ranked)
    {
        var held = data.Where(s => s.IsDevelopment).ToArray();
        var report = CheckWorthinessBenchmark.Score(held, model.Score(held.Select(s => s.Text).ToArray()), CheckWorthiness.DefaultThreshold, ranked);
        var metrics = string.Join("  ", report.Metrics.Select(m => $"{m.Key} {m.Value.ToString("0.000", CultureInfo.InvariantCulture)}"));
        output.WriteLine($"{label} (n={report.N}): {metrics}");
    }
}
