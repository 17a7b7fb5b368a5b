using System.Text.Json;
using Factdesk.Storage;
using Factdesk.Tests.Ingestion.Batch;

namespace Factdesk.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_stores_the_articles_and_prints_a_summary()
    {
        var db = _temp.File("news.db");
        var run = await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), "--db", db);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"read\s+│\s+1 ", run.Stdout);
        Assert.Matches(@"stored\s+│\s+1 ", run.Stdout);
        using var store = SqliteArticleStore.Open(db);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public async Task Failed_items_are_listed_with_their_reasons_and_the_exit_code_says_so()
    {
        var db = _temp.File("news.db");
        var run = await CliRun.Of("ingest", InputSourcesTests.Fixture("articles.jsonl"), _temp.File("missing.html"), "--db", db);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"stored\s+│\s+2 ", run.Stdout);
        Assert.Matches(@"failed\s+│\s+3 ", run.Stdout);
        Assert.Contains("no such file or folder", run.Stdout);
        Assert.Contains("not valid JSON", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task A_database_that_cannot_be_used_is_one_clear_error()
    {
        var notDb = _temp.Write("notes.db", "My notes, which are plain text and long enough to have a header.");
        var run = await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), "--db", notDb);
        run.AssertUserError("cannot be used as a Factdesk database");
    }

    [Fact]
    public async Task The_log_names_every_input_with_what_happened_to_it()
    {
        var db = _temp.File("news.db");
        var log = _temp.File("run.jsonl");
        var missing = _temp.File("missing.html");

        var run = await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), missing, "--db", db, "--log", log);
        await CliRun.Of("ingest", InputSourcesTests.Fixture("tiny.atom"), "--db", db, "--log", log);

        Assert.Equal(2, run.ExitCode);
        var lines = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal("ingest", l.GetProperty("command").GetString()));
        var failed = Assert.Single(lines, l => l.GetProperty("level").GetString() == "error");
        Assert.Equal(missing, failed.GetProperty("input").GetString());
        Assert.Contains("no such file", failed.GetProperty("reason").GetString());
        Assert.Equal(["stored", "failed", "already-stored"], lines.Select(l => l.GetProperty("event").GetString()));
    }
}
