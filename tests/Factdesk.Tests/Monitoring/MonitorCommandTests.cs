using Factdesk.Storage;
using Factdesk.Tests.Cli;
using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Monitoring;

/// <summary>The monitoring commands' bad input: one line naming the input, exit code 2, before any server is needed.</summary>
public sealed class MonitorCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_missing_or_empty_feed_list_is_a_one_line_error()
    {
        (await CliRun.Of("monitor", "--feeds", _temp.File("feeds.txt"), "--once")).AssertUserError("no such feed list");
        var empty = _temp.Write("empty.txt", "# only a comment\n\n");
        (await CliRun.Of("monitor", "--feeds", empty, "--once")).AssertUserError("lists no feeds");
        var feeds = _temp.Write("feeds.txt", "articles/\n");
        (await CliRun.Of("monitor", "--feeds", feeds, "--prefix", "a b")).AssertUserError("--prefix");
        (await CliRun.Of("monitor", "--feeds", feeds, "--state", _temp.Path)).AssertUserError("is a directory");
    }

    [Fact]
    public async Task Worker_limits_below_one_are_refused()
    {
        (await CliRun.Of("worker", "--db", _temp.File("f.db"), "--max-deliver", "0")).AssertUserError("--max-deliver");
        (await CliRun.Of("worker", "--db", _temp.File("f.db"), "--ack-wait", "0")).AssertUserError("--ack-wait");
        (await CliRun.Of("worker", "--db", _temp.File("f.db"), "--replicas", "9")).AssertUserError("--replicas");
    }

    [Fact]
    public async Task Alerts_of_a_database_that_does_not_exist_is_an_error_and_of_a_new_one_an_empty_list()
    {
        (await CliRun.Of("alerts", "--db", _temp.File("none.db"))).AssertUserError("no such database");
        var db = _temp.File("store.db");
        Factdesk.Storage.SqliteArticleStore.Open(db).Dispose();
        var run = await CliRun.Of("alerts", "--db", db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No alerts.", run.Stdout);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("alerts")]
    public async Task An_unreachable_postgresql_server_is_one_line_and_exit_2(string command)
    {
        // The worker opens its stores before it connects to NATS, so no nats-server is needed to see this.
        var run = await CliRun.Of(command, "--db", "postgresql://app:hunter2@127.0.0.1:1/factdesk?Timeout=5");
        run.AssertUserError("cannot be used as a Factdesk database");
        Assert.DoesNotContain("hunter2", run.Stderr);
    }

    [Fact]
    public async Task Alerts_lists_what_the_workers_recorded_in_postgresql()
    {
        using var server = PostgresTestServer.Require();
        var db = server.Schema("alerts");
        using (var articles = PostgresArticleStore.Open(db))
        using (var facts = PostgresFactCheckStore.Open(db))
        using (var alerts = PostgresAlertStore.Open(db))
        {
            facts.AddAll([FactCheckStoreContract.Fact("k1", "The bridge was closed for ten years.")]);
            var article = articles.Add(ArticleStoreContract.Record("The bridge, shut for a decade, reopens.", "hash-1")).Id;
            alerts.Finish(article, [new AlertRecord(facts.All().Single().Id, "The bridge was shut for a decade.",
                "The bridge was closed for ten years.", "False", "https://checks.example/k1", 0.91)]);
        }
        var run = await CliRun.Of("alerts", "--db", db, "--json");
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"articleClaim\":\"The bridge was shut for a decade.\"", line);
        Assert.Contains("\"verdict\":\"False\"", line);
    }

    public void Dispose() => _temp.Dispose();
}
