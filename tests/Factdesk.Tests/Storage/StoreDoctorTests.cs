using Factdesk.Ingestion;
using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Tests.Storage;

public sealed class StoreDoctorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A database with two articles and two fact-checks, written through the real stores.</summary>
    internal static string Filled(TempDirectory temp, string name = "store.db")
    {
        var path = temp.File(name);
        using (var articles = SqliteArticleStore.Open(path))
        {
            articles.Add(ArticleStoreContract.Record("First article.", "hash-1"));
            articles.Add(ArticleStoreContract.Record("Second article.", "hash-2"));
        }
        using (var facts = SqliteFactCheckStore.Open(path))
            facts.AddAll([FactCheckStoreContract.Fact("k1", "The bridge was closed."), FactCheckStoreContract.Fact("k2", "Taxes rose.", axis: 1)]);
        return path;
    }

    internal static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DoctorCheck Failed(IReadOnlyList<DoctorCheck> checks) => Assert.Single(checks, c => !c.Passed);

    [Fact]
    public void A_store_written_by_the_stores_passes_every_check()
    {
        var checks = StoreDoctor.Examine(Filled(_temp));
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name.StartsWith("full-text index", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Name == "every article has its dossier");
    }

    [Fact]
    public void An_article_without_its_dossier_fails_naming_the_orphan()
    {
        var path = Filled(_temp);
        Execute(path, "DELETE FROM dossiers WHERE article_id = (SELECT min(id) FROM articles)");
        var failed = Failed(StoreDoctor.Examine(path));
        Assert.Equal("every article has its dossier", failed.Name);
        Assert.StartsWith("1 ", failed.Detail);
    }

    [Fact]
    public void A_dossier_whose_article_is_gone_fails_the_foreign_key_and_orphan_checks()
    {
        var path = Filled(_temp);
        // With foreign keys off the cascade does not run: how a writer that forgot the pragma could leave one behind.
        Execute(path, "PRAGMA foreign_keys = OFF; DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)");
        var failed = StoreDoctor.Examine(path).Where(c => !c.Passed).Select(c => c.Name).ToList();
        Assert.Equal(["foreign keys", "every dossier has its article"], failed);
    }

    [Fact]
    public void A_full_text_entry_without_its_fact_check_fails()
    {
        var path = Filled(_temp);
        Execute(path, "INSERT INTO fact_checks_fts (rowid, terms) VALUES (999, 'ghost')");
        Assert.Equal("every full-text entry has its fact-check", Failed(StoreDoctor.Examine(path)).Name);
    }

    [Fact]
    public void A_fact_check_missing_from_the_full_text_index_fails()
    {
        var path = Filled(_temp);
        Execute(path, "INSERT INTO fact_checks (source_key, claim, embedding, imported_at) VALUES ('k3', 'Unindexed.', zeroblob(1536), 'now')");
        Assert.Equal("every fact-check is in the full-text index", Failed(StoreDoctor.Examine(path)).Name);
    }

    [Fact]
    public void A_damaged_full_text_index_fails_its_integrity_check()
    {
        var path = Filled(_temp);
        Execute(path, "DELETE FROM fact_checks_fts_data WHERE id > 10");
        // Newer SQLite runs FTS5's check inside integrity_check too; the doctor's own check names the table.
        var failed = StoreDoctor.Examine(path).Where(c => !c.Passed).ToList();
        Assert.Equal(["SQLite integrity", "full-text index fact_checks_fts"], failed.Select(c => c.Name));
        Assert.Contains("corruption", failed[1].Detail);
    }

    [Fact]
    public void A_schema_newer_than_this_factdesk_fails_the_version_check()
    {
        var path = Filled(_temp);
        Execute(path, "PRAGMA user_version = 99");
        var failed = Failed(StoreDoctor.Examine(path));
        Assert.Equal("schema version", failed.Name);
        Assert.Contains("99", failed.Detail);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_an_input_error_naming_it()
    {
        var path = _temp.Write("notes.db", "these are my notes, not a database\n" + new string('x', 200));
        var error = Assert.Throws<InputException>(() => StoreDoctor.Examine(path));
        Assert.Equal(path, error.Input);
        Assert.Contains("not a SQLite database", error.Problem);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_and_is_not_created()
    {
        var path = _temp.File("absent.db");
        Assert.Contains("no such database", Assert.Throws<InputException>(() => StoreDoctor.Examine(path)).Problem);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_empty_database_left_by_a_kill_before_the_first_schema_step_passes_but_foreign_tables_do_not()
    {
        // Found by the kill test: a kill between creating the file and committing the first step.
        var empty = _temp.File("empty.db");
        StoreDoctorTests.Execute(empty, "PRAGMA journal_mode = WAL");
        Assert.All(StoreDoctor.Examine(empty), c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));

        var other = _temp.File("other.db");
        StoreDoctorTests.Execute(other, "CREATE TABLE notes (body TEXT)");
        Assert.Contains("not a Factdesk database", Failed(StoreDoctor.Examine(other)).Detail);
    }
}
