using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Cli;

/// <summary>doctor, backup and restore as a user runs them: the table, the exit codes and one-line errors.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Doctor_prints_each_check_and_exits_0_on_a_healthy_store_and_1_on_a_broken_one()
    {
        var db = StoreDoctorTests.Filled(_temp);
        var healthy = await CliRun.Of("doctor", "--db", db);
        Assert.Equal(0, healthy.ExitCode);
        Assert.Contains("SQLite integrity", healthy.Stdout);
        Assert.Contains("All checks passed.", healthy.Stdout);

        StoreDoctorTests.Execute(db, "INSERT INTO fact_checks_fts (rowid, terms) VALUES (999, 'ghost')");
        var broken = await CliRun.Of("doctor", "--db", db);
        Assert.Equal(1, broken.ExitCode);
        Assert.Matches(@"every full-text entry has its fact-check\s+│ FAILED", broken.Stdout);
        Assert.Contains("1 check(s) failed.", broken.Stdout);
    }

    [Fact]
    public async Task Doctor_on_a_file_that_is_not_a_database_is_a_one_line_error()
    {
        var junk = _temp.Write("junk.db", "not sqlite at all, just some text that is long enough to have a header");
        (await CliRun.Of("doctor", "--db", junk)).AssertUserError("not a SQLite database");
        (await CliRun.Of("doctor", "--db", _temp.File("absent.db"))).AssertUserError("no such database");
    }

    [Fact]
    public async Task Backup_then_restore_round_trips_and_a_junk_backup_is_refused()
    {
        var db = StoreDoctorTests.Filled(_temp);
        var backup = _temp.File("db.bak");
        var saved = await CliRun.Of("backup", backup, "--db", db);
        Assert.Equal(0, saved.ExitCode);
        Assert.Contains("Backed up", saved.Stdout);

        var restoredDb = _temp.File("restored.db");
        Assert.Equal(0, (await CliRun.Of("restore", backup, "--db", restoredDb)).ExitCode);
        Assert.Equal(0, (await CliRun.Of("doctor", "--db", restoredDb)).ExitCode);

        var junk = _temp.Write("junk.bak", "junk");
        (await CliRun.Of("restore", junk, "--db", db)).AssertUserError("junk.bak");
    }
}
