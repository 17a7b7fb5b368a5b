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
}
