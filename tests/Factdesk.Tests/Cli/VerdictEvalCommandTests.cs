using System.Text.Json;
using Factdesk.Tests.Review;

namespace Factdesk.Tests.Cli;

public sealed class VerdictEvalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eval_verdict_prints_the_eval_shape_and_writes_predictions()
    {
        var liar = _temp.Write("val2.tsv", LiarFixture.PlusRows);
        var predictions = _temp.File("pred.tsv");

        var run = await CliRun.Of("eval", "verdict", "--liar", liar, "--json", "--predictions", predictions);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("verdict", json.RootElement.GetProperty("task").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("n").GetInt32());
        var metrics = json.RootElement.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(["accuracy_2way", "accuracy_6way", "suggested"], metrics.Keys.Order());
        Assert.All(metrics.Values, v => Assert.InRange(v, 0, 1));
        Assert.StartsWith("id\tgold\tpredicted", File.ReadAllText(predictions));
    }

    [Fact]
    public async Task A_missing_file_is_a_user_error()
    {
        (await CliRun.Of("eval", "verdict", "--liar", _temp.File("none.tsv"), "--json")).AssertUserError("none.tsv");
    }
}
