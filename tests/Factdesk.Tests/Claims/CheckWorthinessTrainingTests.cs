using Factdesk.Claims;

namespace Factdesk.Tests.Claims;

/// <summary>Both trainers on a few sentences written here: they fit, save, load and rank the obvious cases.</summary>
public sealed class CheckWorthinessTrainingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Factual =
    [
        "Unemployment fell to 4 percent in 2019.", "The state cut school funding by 12 million dollars.",
        "Crime rose 20 percent in the last five years.", "We created 300,000 jobs last year.",
        "The senator voted against the bill 14 times.", "Taxes on the middle class went up by 2,000 dollars.",
        "Our exports doubled since 2010.", "The deficit reached 1 trillion dollars in 2012.",
    ];

    private static readonly string[] Other =
    [
        "Thank you very much.", "I think we can do better.", "Good evening, everyone.", "What do you say to that?",
        "Let me finish, please.", "That is a great question.", "I hope you will join us.", "We will see.",
    ];

    private static IEnumerable<LabelledSentence> Data(int copies) =>
        Enumerable.Range(0, copies).SelectMany(c =>
            Factual.Select((t, i) => new LabelledSentence($"f{c}-{i}", "g", t, true, false))
                .Concat(Other.Select((t, i) => new LabelledSentence($"o{c}-{i}", "g", t, false, false))));

    [Fact]
    public void LightGbm_learns_tiny_data_and_survives_a_save_and_load()
    {
        var model = CheckWorthinessTraining.TrainLightGbm(Data(4), new CheckWorthinessTrainingOptions(Iterations: 20, MinimumExamplesPerLeaf: 2));
        var path = _temp.File("m.zip");
        model.Save(path);
        var loaded = CheckWorthinessModel.LoadFile(path);

        var scores = loaded.Score(["Spending rose 8 percent in 2020.", "Thank you, everyone."]);
        Assert.True(scores[0] > scores[1], $"{scores[0]} vs {scores[1]}");
        Assert.Equal(model.Score(["Spending rose 8 percent in 2020."])[0], scores[0], 6);
    }

    [Fact]
    public void The_baseline_learns_tiny_data()
    {
        var scores = CheckWorthinessTraining.TrainBaseline(Data(2)).Score(["Spending rose 8 percent in 2020.", "Thank you, everyone."]);

        Assert.True(scores[0] > scores[1], $"{scores[0]} vs {scores[1]}");
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
    }

    [Fact]
    public void Training_needs_both_classes_and_a_model_file_must_be_one()
    {
        Assert.Throws<ArgumentException>(() => CheckWorthinessTraining.TrainBaseline(Data(1).Where(s => s.Label)));
        Assert.Throws<Factdesk.Ingestion.InputException>(() => CheckWorthinessModel.LoadFile(_temp.Write("junk.zip", "not a zip")));
        Assert.Throws<Factdesk.Ingestion.InputException>(() => CheckWorthinessModel.LoadFile(_temp.File("missing.zip")));
    }
}
