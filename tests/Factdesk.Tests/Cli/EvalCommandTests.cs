using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Factdesk.Tests.Cli;

/// <summary>The eval shape on a two-page data set written here, in the article-extraction-benchmark layout.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _htmlDir;
    private readonly string _truth;

    public EvalCommandTests()
    {
        _htmlDir = _temp.File("html");
        _temp.Write("html/p1.html", Page("Harbour reopens", "The harbour reopened on Monday after three weeks of repairs to the old sea wall."));
        // The real data set ships its pages gzipped; one page here is, too.
        Directory.CreateDirectory(_htmlDir);
        using (var gz = new GZipStream(File.Create(Path.Combine(_htmlDir, "p2.html.gz")), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(Page("Council vote", "The council voted nine to two to keep the library open on Sundays.")));
        _truth = _temp.Write("ground-truth.json", """
            {
              "p1": {"articleBody": "The harbour reopened on Monday after three weeks of repairs to the old sea wall."},
              "p2": {"articleBody": "The council voted nine to two to keep the library open on Sundays."},
              "p3": {"articleBody": "A page that is not in the html folder is not scored."}
            }
            """);
    }

    public void Dispose() => _temp.Dispose();

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body><nav>Home | World</nav>" +
        $"<article><h1>{title}</h1><p>{body}</p></article><footer>Copyright</footer></body></html>";

    [Fact]
    public async Task Json_mode_prints_one_object_with_task_n_and_fractional_metrics()
    {
        var run = await CliRun.Of("eval", "extraction", "--html-dir", _htmlDir, "--truth", _truth, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["task", "n", "metrics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("extraction", root.GetProperty("task").GetString());
        Assert.Equal(2, root.GetProperty("n").GetInt32());
        var metrics = root.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(["f1", "precision", "recall"], metrics.Keys.Order());
        Assert.All(metrics.Values, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public async Task Predictions_are_written_in_the_truth_format()
    {
        var predictions = _temp.File("predictions.json");

        var run = await CliRun.Of("eval", "extraction", "--html-dir", _htmlDir, "--truth", _truth, "--json", "--predictions", predictions);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(predictions));
        Assert.Equal(["p1", "p2"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains("harbour", json.RootElement.GetProperty("p1").GetProperty("articleBody").GetString());
    }

    [Fact]
    public async Task Table_mode_shows_reference_systems_from_the_output_folder_beside_factdesk()
    {
        _temp.Write("output/perfect.json", File.ReadAllText(_truth));

        var run = await CliRun.Of("eval", "extraction", "--html-dir", _htmlDir, "--truth", _truth);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("factdesk", run.Stdout);
        Assert.Contains("perfect", run.Stdout);
        Assert.Contains("1.000", run.Stdout);
    }

    [Fact]
    public async Task A_missing_truth_file_is_a_user_error()
    {
        var run = await CliRun.Of("eval", "extraction", "--html-dir", _htmlDir, "--truth", _temp.File("nope.json"), "--json");

        run.AssertUserError("nope.json");
    }
}
