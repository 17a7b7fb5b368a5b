using System.Text.Json;
using Factdesk.Evaluation;
using Factdesk.Tests.Evaluation;

namespace Factdesk.Tests.Cli;

/// <summary>`eval quotes` on a one-article PolNeAR-style split written here.</summary>
public sealed class QuotesEvalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Json_mode_reports_relation_and_span_scores_and_writes_brat_per_article()
    {
        var split = PolnearFixture.WriteSplit(_temp);
        var predictions = _temp.File("predicted");

        var run = await CliRun.Of("eval", "quotes", "--polnear", split, "--json", "--predictions", predictions);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("n").GetInt32());
        var metrics = json.RootElement.GetProperty("metrics");
        foreach (var name in new[] { "content_f1", "content_precision", "content_recall", "content_source_f1", "source_span_f1", "cue_span_f1", "content_span_f1" })
            Assert.True(metrics.TryGetProperty(name, out _), name);
        var written = BratAttributions.Parse(File.ReadAllText(Path.Combine(predictions, "city-news.ann")));
        Assert.Contains(written, a => a.Content.Start >= 15 && a.Content.End <= 48 && a.Source is { Start: 0 });
    }

    [Fact]
    public async Task A_folder_without_the_split_layout_is_one_line_naming_it()
    {
        var run = await CliRun.Of("eval", "quotes", "--polnear", _temp.File("nowhere"), "--json");

        run.AssertUserError("nowhere");
    }

    [Fact]
    public async Task A_model_from_train_quotes_is_scored_with_model()
    {
        var split = PolnearFixture.WriteSplit(_temp);
        var model = _temp.File("attribution.bin");

        var train = await CliRun.Of("train", "quotes", "--polnear", split, "--epochs", "2", "--out", model);
        Assert.Equal(0, train.ExitCode);
        var run = await CliRun.Of("eval", "quotes", "--polnear", split, "--model", model, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("n").GetInt32());
        Assert.True(json.RootElement.GetProperty("metrics").GetProperty("content_recall").GetDouble() > 0);
        var greedy = await CliRun.Of("eval", "quotes", "--polnear", split, "--model", model, "--greedy", "--json");
        Assert.Equal(0, greedy.ExitCode);
        using var greedyJson = JsonDocument.Parse(greedy.Stdout);
        Assert.True(greedyJson.RootElement.GetProperty("metrics").GetProperty("content_recall").GetDouble() > 0);
    }

    [Fact]
    public async Task A_model_file_that_is_no_model_is_one_line_naming_it()
    {
        var split = PolnearFixture.WriteSplit(_temp);
        _temp.Write("junk.bin", "not a model");

        var run = await CliRun.Of("eval", "quotes", "--polnear", split, "--model", _temp.File("junk.bin"), "--json");

        run.AssertUserError("junk.bin");
    }
}
