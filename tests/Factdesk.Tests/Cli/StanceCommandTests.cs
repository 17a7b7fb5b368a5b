using System.Text.Json;
using Factdesk.Tests.Evidence;

namespace Factdesk.Tests.Cli;

/// <summary>`factdesk train stance` and `factdesk eval stance` end to end on the small synthetic set.</summary>
public sealed class StanceCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _bodies;
    private readonly string _stances;

    public StanceCommandTests()
    {
        _bodies = _temp.Write("bodies.csv", SyntheticStances.BodiesCsv(SyntheticStances.Bodies()));
        _stances = _temp.Write("stances.csv", SyntheticStances.StancesCsv(SyntheticStances.Pairs(Enumerable.Range(0, SyntheticStances.TopicCount))));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Trains_saves_a_card_and_scores_the_saved_model()
    {
        var model = _temp.File("out", "stance.zip");
        var train = await CliRun.Of("train", "stance", "--bodies", _bodies, "--stances", _stances, "--out", model, "--trees", "30");
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("development split: FNC score", train.Stdout);
        Assert.True(File.Exists(model));
        Assert.Contains("## Held-out scores", File.ReadAllText(_temp.File("out", "stance.md")));

        var predictions = _temp.File("predictions.csv");
        var eval = await CliRun.Of("eval", "stance", "--bodies", _bodies, "--stances", _stances, "--model", model, "--split", "all", "--json", "--predictions", predictions);
        Assert.Equal(0, eval.ExitCode);
        using var json = JsonDocument.Parse(eval.Stdout);
        Assert.Equal("stance", json.RootElement.GetProperty("task").GetString());
        Assert.Equal(SyntheticStances.TopicCount * 6, json.RootElement.GetProperty("n").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("metrics").GetProperty("fnc_score").GetDouble(), 0, 1);
        Assert.StartsWith("Headline,Body ID,Stance\n", File.ReadAllText(predictions));

        var table = await CliRun.Of("eval", "stance", "--bodies", _bodies, "--stances", _stances, "--model", model);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Confusion matrix", table.Stdout);
        Assert.Contains("f1_disagree", table.Stdout);
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_is_a_user_error()
    {
        var notModel = _temp.Write("model.zip", "not a zip");
        (await CliRun.Of("eval", "stance", "--bodies", _bodies, "--stances", _stances, "--model", notModel)).AssertUserError("not a stance model");
    }

    [Fact]
    public async Task Stances_naming_a_missing_body_are_a_user_error()
    {
        var stances = _temp.Write("orphan.csv", "Headline,Body ID,Stance\nA headline,999,agree\n");
        (await CliRun.Of("train", "stance", "--bodies", _bodies, "--stances", stances, "--out", _temp.File("m.zip"))).AssertUserError("Body ID 999");
    }
}
