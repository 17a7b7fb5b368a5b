using System.Text.Json;
using Factdesk.Claims;

namespace Factdesk.Tests.Cli;

/// <summary>`eval checkworthy` on a tiny ClaimBuster-style file written here.</summary>
public sealed class CheckWorthyEvalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Json_mode_reports_f1_and_predictions_list_every_item_in_order()
    {
        Assert.SkipUnless(CheckWorthinessModel.Shipped is not null, "no check-worthiness model is built in (run `factdesk train checkworthy`)");
        var data = _temp.Write("cb.json", """
            [
              {"sentence_id": 1, "label": 1, "text": "The county spent 40 million dollars on roads in 2019."},
              {"sentence_id": 2, "label": 0, "text": "Thank you so much, it is great to be here."}
            ]
            """);
        var predictions = _temp.File("p.tsv");

        var run = await CliRun.Of("eval", "checkworthy", "--format", "claimbuster", data, "--all", "--json", "--predictions", predictions);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(["f1", "precision", "recall"], json.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["1", "2"], File.ReadAllLines(predictions).Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public async Task A_missing_data_set_is_one_line_naming_it()
    {
        var run = await CliRun.Of("eval", "checkworthy", "--format", "clef2019", _temp.File("nowhere"), "--json");

        run.AssertUserError("nowhere");
    }
}
