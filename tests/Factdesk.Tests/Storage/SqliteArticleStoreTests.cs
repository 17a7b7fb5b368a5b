using Factdesk.Ingestion;
using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Tests.Storage;

public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    protected override IArticleStore Open(string name = "store") => SqliteArticleStore.Open(Temp.File(name + ".db"));

    [Fact]
    public void A_new_database_is_in_wal_mode_at_the_newest_schema_version()
    {
        using (SqliteArticleStore.Open(Temp.File("new.db")))
        {
        }
        using var connection = Raw("new.db");
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SchemaSteps.All.Count, Scalar(connection, "PRAGMA user_version"));
    }

    [Fact]
    public void A_database_from_a_newer_factdesk_is_refused_with_a_clear_message()
    {
        using (var connection = Raw("future.db"))
            Scalar(connection, $"PRAGMA user_version = {SchemaSteps.All.Count + 1}");
        var error = Assert.Throws<InputException>(() => SqliteArticleStore.Open(Temp.File("future.db")));
        Assert.Contains("newer than this Factdesk", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_alone()
    {
        var path = Temp.Write("notes.db", "These are my notes, not a database. They go on for a while so SQLite reads a header.");
        var error = Assert.Throws<InputException>(() => SqliteArticleStore.Open(path));
        Assert.Contains("cannot be used as a Factdesk database", error.Message);
        Assert.StartsWith("These are my notes", File.ReadAllText(path));
    }

    [Fact]
    public void A_database_in_a_missing_folder_is_refused()
    {
        var error = Assert.Throws<InputException>(() => SqliteArticleStore.Open(Temp.File("no", "such", "x.db")));
        Assert.Contains("folder that does not exist", error.Message);
    }

    [Fact]
    public void Migrations_run_only_the_steps_a_database_has_not_had_and_a_failing_step_changes_nothing()
    {
        using var connection = Raw("steps.db");
        SchemaStep[] steps = [new("one", "CREATE TABLE one (x)"), new("two", "CREATE TABLE two (x)")];
        SqliteMigrator.Migrate(connection, steps[..1], "steps.db");
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version"));
        SqliteMigrator.Migrate(connection, steps, "steps.db");
        Assert.Equal(2L, Scalar(connection, "PRAGMA user_version"));

        SchemaStep[] broken = [.. steps, new("three", "CREATE TABLE three (x); THIS IS NOT SQL")];
        Assert.Throws<SqliteException>(() => SqliteMigrator.Migrate(connection, broken, "steps.db"));
        Assert.Equal(2L, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'three'"));
    }

    private SqliteConnection Raw(string name)
    {
        var connection = new SqliteConnection($"Data Source={Temp.File(name)};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
