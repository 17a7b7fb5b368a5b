using System.Text.Json;

namespace Factdesk.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private const string Article = "Officials said the offensive would be \"long and difficult\".\nThe ministry denied it.\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>`check` on a small article written to the temp folder, with the given options.</summary>
    private Task<CliRun> CheckArticle(params string[] options) =>
        CliRun.Of(["check", _temp.Write("article.txt", Article), .. options]);

    [Fact]
    public async Task Json_output_has_every_top_level_key_of_the_contract()
    {
        var run = await CheckArticle("--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["source", "text", "sentences", "entities", "quotes", "claims", "review", "matches", "claimReview"], keys);
        Assert.Equal(Article.TrimEnd(), json.RootElement.GetProperty("text").GetString()); // the loader trims the final line break
    }

    [Fact]
    public async Task Markdown_output_is_a_report_with_its_sections()
    {
        var run = await CheckArticle("--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# ", run.Stdout);
        Assert.Contains("## Quotes", run.Stdout);
        Assert.Contains("## Claims", run.Stdout);
    }

    [Fact]
    public async Task Text_is_the_default_and_carries_no_escape_codes_when_not_on_a_terminal()
    {
        var run = await CheckArticle();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("article.txt", run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Theory]
    [InlineData("json", "\"claimReview\"")]
    [InlineData("markdown", "## Entities")]
    [InlineData("text", "article.txt")]
    public async Task Out_writes_the_chosen_format_to_the_file_and_nothing_to_stdout(string format, string expected)
    {
        var outFile = _temp.File("dossier.out");

        var run = await CheckArticle("--format", format, "--out", outFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var written = File.ReadAllText(outFile);
        Assert.Contains(expected, written);
        Assert.DoesNotContain('\u001b', written);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_on_stderr_and_exit_code_2()
    {
        var missing = _temp.File("no-such-article.txt");

        var run = await CliRun.Of("check", missing);

        run.AssertUserError("no-such-article.txt");
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_directory_is_one_line_on_stderr_and_exit_code_2()
    {
        var run = await CliRun.Of("check", _temp.Path);

        run.AssertUserError(_temp.Path);
    }

    [Fact]
    public async Task An_unwritable_out_file_is_one_line_on_stderr_and_exit_code_2()
    {
        var outFile = _temp.File("missing-dir", "dossier.json");

        var run = await CheckArticle("--format", "json", "--out", outFile);

        run.AssertUserError("dossier.json");
    }

    [Fact]
    public async Task An_unknown_format_is_rejected()
    {
        var run = await CheckArticle("--format", "pdf");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("pdf", run.Stderr);
    }
}
