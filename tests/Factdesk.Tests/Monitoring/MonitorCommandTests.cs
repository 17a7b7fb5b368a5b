using Factdesk.Tests.Cli;

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

    public void Dispose() => _temp.Dispose();
}
