using System.Text.Json;
using Factdesk.Storage;
using Factdesk.Tests.FactChecks;
using Factdesk.Tests.Ingestion.Batch;
using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Cli;

/// <summary>
/// The commands with `--db` set to a PostgreSQL connection string. Those that need a server skip without one
/// (FACTDESK_TEST_POSTGRES; .ci/run provides it); the errors for an unreachable server or an unsupported command do not.
/// </summary>
public sealed class PostgresCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private PostgresTestServer? _server;

    private PostgresTestServer Server => _server ??= PostgresTestServer.Require();

    public void Dispose()
    {
        _server?.Dispose();
        _temp.Dispose();
    }

    private string[] Files() =>
        [_temp.Write("reviews.json", FactCheckFilesTests.TwoReviews), _temp.Write("data.csv", FactCheckCommandsTests.PoynterCsv)];

    [Fact]
    public async Task Import_match_and_export_give_on_postgresql_what_they_give_on_sqlite()
    {
        var pg = Server.Schema("facts");
        var sqlite = _temp.File("facts.db");
        Assert.Equal(0, (await CliRun.Of(["import", .. Files(), "--db", pg])).ExitCode);
        Assert.Equal(0, (await CliRun.Of(["import", .. Files(), "--db", sqlite])).ExitCode);
        var again = await CliRun.Of(["import", .. Files(), "--db", pg]);
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"all\s+│\s+│\s+4 │\s+0 │\s+4 │\s+0 │", again.Stdout);
        // import saved both search indexes in the database, not in files.
        Assert.Equal(2L, Server.Scalar("facts", "SELECT count(*) FROM search_indexes"));

        const string query = "Has the Elm Street bridge really been shut for a decade?";
        var onPg = await CliRun.Of("match", query, "--json", "--db", pg, "--suggest-above", "0.3");
        var onSqlite = await CliRun.Of("match", query, "--json", "--db", sqlite, "--suggest-above", "0.3");
        Assert.Equal(0, onPg.ExitCode);
        var best = JsonDocument.Parse(onPg.Stdout).RootElement.GetProperty("matches")[0];
        Assert.Equal("The Elm Street bridge has been closed for ten years.", best.GetProperty("claim").GetString());
        // The same vector and BM25 index code over the same rows: the same matches with the same scores.
        Assert.Equal(Without(onSqlite.Stdout, "id"), Without(onPg.Stdout, "id"));

        var export = _temp.File("export.json");
        var exported = await CliRun.Of("export", export, "--db", pg);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("Exported 4 fact-check(s)", exported.Stdout);
    }

    [Fact]
    public async Task Ingest_stores_articles_once_in_postgresql()
    {
        var pg = Server.Schema("news");
        var run = await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), "--db", pg);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"stored\s+│\s+1 ", run.Stdout);
        Assert.Equal(0, (await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), "--db", pg)).ExitCode);
        using var store = PostgresArticleStore.Open(pg);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_one_line_and_exit_2()
    {
        var run = await CliRun.Of("match", "Anything", "--db", "postgresql://app:hunter2@127.0.0.1:1/factdesk?Timeout=5");
        run.AssertUserError("cannot be used as a Factdesk database");
        Assert.DoesNotContain("hunter2", run.Stderr);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("doctor")]
    public async Task Commands_that_work_on_sqlite_files_only_refuse_a_connection_string(string command)
    {
        string[] args = command == "backup" ? ["backup", _temp.File("copy.db")] : [command];
        var run = await CliRun.Of([.. args, "--db", "Host=127.0.0.1;Port=1;Username=app;Password=hunter2"]);
        run.AssertUserError("works on SQLite files only");
        Assert.DoesNotContain("hunter2", run.Stderr);
    }

    // Stored ids are each database's own; everything else must agree.
    private static string Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var match in node["matches"]!.AsArray())
            match!.AsObject().Remove(property);
        return node.ToJsonString();
    }
}
