using System.Text.Json;
using Factdesk.Storage;
using Factdesk.Tests.Evidence;

namespace Factdesk.Tests.Cli;

public sealed class EvidenceCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Json_lists_the_passages_with_score_stance_speaker_and_source()
    {
        var db = _temp.File("news.db");
        EvidenceArticles.IngestInto(db, _temp);

        var run = await CliRun.Of("evidence", "Bus fares in Westmere will double", "--top", "2", "--json", "--db", db);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Bus fares in Westmere will double", json.RootElement.GetProperty("query").GetString());
        var passages = json.RootElement.GetProperty("passages");
        Assert.Equal(2, passages.GetArrayLength());
        foreach (var p in passages.EnumerateArray())
        {
            Assert.True(p.GetProperty("score").GetDouble() > 0);
            Assert.Contains(p.GetProperty("stance").GetString(), new[] { "supports", "refutes", "discusses", "unrelated" });
            foreach (var key in new[] { "text", "quote", "speaker", "articleId", "title", "site", "published", "url" })
                Assert.True(p.TryGetProperty(key, out _), key);
        }
        Assert.Equal("https://courier.example.org/bus-fares", passages[0].GetProperty("url").GetString());
        Assert.Equal("2026-03-05", passages[0].GetProperty("published").GetString());
    }

    [Fact]
    public async Task The_text_table_shows_the_speaker_and_the_source()
    {
        var db = _temp.File("news.db");
        EvidenceArticles.IngestInto(db, _temp);
        var run = await CliRun.Of("evidence", "The seawall repairs are finished", "--top", "1", "--db", db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ellen Voss", run.Stdout);
        Assert.Contains("Westmere Courier", run.Stdout);
        Assert.Contains("2026-03-02", run.Stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?! ... --")]
    public async Task A_claim_with_nothing_to_search_by_is_one_clear_error(string claim)
    {
        var db = _temp.File("news.db");
        EvidenceArticles.IngestInto(db, _temp);
        (await CliRun.Of("evidence", claim, "--db", db)).AssertUserError("no words or numbers");
    }

    [Fact]
    public async Task A_database_without_articles_says_so_and_one_that_does_not_exist_is_an_error()
    {
        var empty = _temp.File("empty.db");
        SqliteArticleStore.Open(empty).Dispose();
        var run = await CliRun.Of("evidence", "The seawall is finished", "--db", empty);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no articles", run.Stdout);
        var json = await CliRun.Of("evidence", "The seawall is finished", "--json", "--db", empty);
        Assert.Equal(0, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("passages").GetArrayLength());

        (await CliRun.Of("evidence", "The seawall is finished", "--db", _temp.File("missing.db"))).AssertUserError("no such database (run factdesk ingest first)");
    }
}
