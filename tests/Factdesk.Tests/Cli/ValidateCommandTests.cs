namespace Factdesk.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Valid = """
        {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/a",
         "claimReviewed": "The bridge was closed for a year.", "datePublished": "2025-01-02",
         "author": {"@type": "Organization", "name": "Example Checks"},
         "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 6, "worstRating": 1, "alternateName": "False"},
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jo Marsh"}}}
        """;

    [Fact]
    public async Task A_valid_review_exits_0()
    {
        var run = await CliRun.Of("validate", _temp.Write("ok.json", Valid));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ClaimReview at $: valid", run.Stdout);
    }

    [Fact]
    public async Task Errors_are_listed_with_their_json_path_and_exit_1()
    {
        var broken = Valid.Replace("\"worstRating\": 1", "\"worstRating\": 0");

        var run = await CliRun.Of("validate", _temp.Write("broken.json", broken));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error $.reviewRating.worstRating", run.Stdout);
    }

    [Fact]
    public async Task Every_review_in_an_html_page_is_checked()
    {
        var page = $"<html><head><script type=\"application/ld+json\">{Valid}</script><script type=\"application/ld+json\">[{Valid}]</script></head></html>";

        var run = await CliRun.Of("validate", _temp.Write("page.html", page));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("script[0]$", run.Stdout);
        Assert.Contains("script[1]$[0]", run.Stdout);
    }

    [Fact]
    public async Task A_file_without_reviews_exits_1()
    {
        var run = await CliRun.Of("validate", _temp.Write("none.json", """{"@type": "NewsArticle"}"""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no ClaimReview found", run.Stdout);
    }

    [Fact]
    public async Task Broken_json_is_a_user_error() =>
        (await CliRun.Of("validate", _temp.Write("bad.json", "{ nope"))).AssertUserError("bad.json: is not valid JSON");
}
