using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

public sealed class StoreBackupTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_backup_restored_over_a_changed_database_brings_back_exactly_its_rows()
    {
        var path = StoreDoctorTests.Filled(_temp);
        var backup = _temp.File("copy.factdesk");
        StoreBackup.Backup(path, backup);
        Assert.False(File.Exists(backup + "-wal"));

        // Changes after the backup, left in the WAL, must not survive (or be replayed onto) the restored file.
        using (var articles = SqliteArticleStore.Open(path))
            articles.Add(ArticleStoreContract.Record("Third article.", "hash-3"));
        StoreBackup.Restore(backup, path);

        using (var articles = SqliteArticleStore.Open(path))
            Assert.Equal(["First article.", "Second article."], articles.AllOriginals().Select(a => a.Article.Text));
        using (var facts = SqliteFactCheckStore.Open(path))
            Assert.Equal(2, facts.Count());
        Assert.All(StoreDoctor.Examine(path), c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.partial"));
    }

    [Fact]
    public void Restoring_drops_the_search_indexes_of_the_database_it_replaces()
    {
        var path = StoreDoctorTests.Filled(_temp);
        var backup = _temp.File("copy.factdesk");
        StoreBackup.Backup(path, backup);
        File.WriteAllText(path + ".hnsw", "the vector index of the replaced file");
        File.WriteAllText(path + ".bm25", "the term index of the replaced file");

        StoreBackup.Restore(backup, path);

        Assert.False(File.Exists(path + ".hnsw"));
        Assert.False(File.Exists(path + ".bm25"));
    }

    [Fact]
    public void Restoring_into_a_missing_database_creates_it()
    {
        var backup = _temp.File("copy.factdesk");
        StoreBackup.Backup(StoreDoctorTests.Filled(_temp), backup);
        var fresh = _temp.File("fresh.db");
        StoreBackup.Restore(backup, fresh);
        using var facts = SqliteFactCheckStore.Open(fresh);
        Assert.Equal(2, facts.Count());
    }

    [Fact]
    public void Restoring_a_junk_file_fails_naming_it_and_leaves_the_database_untouched()
    {
        var path = StoreDoctorTests.Filled(_temp);
        var before = File.ReadAllBytes(path);
        var junk = _temp.Write("junk.bak", new byte[4096]);
        var error = Assert.Throws<InputException>(() => StoreBackup.Restore(junk, path));
        Assert.Equal(junk, error.Input);
        Assert.Equal(before, File.ReadAllBytes(path));
        using var articles = SqliteArticleStore.Open(path);
        Assert.Equal(2, articles.Count());
    }

    [Fact]
    public void Restoring_a_damaged_factdesk_backup_fails_naming_the_check_and_leaves_the_database_untouched()
    {
        var path = StoreDoctorTests.Filled(_temp);
        var backup = _temp.File("copy.factdesk");
        StoreBackup.Backup(path, backup);
        StoreDoctorTests.Execute(backup, "DELETE FROM dossiers");
        var before = File.ReadAllBytes(path);
        var error = Assert.Throws<InputException>(() => StoreBackup.Restore(backup, path));
        Assert.Contains("every article has its dossier", error.Problem);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Restoring_a_sqlite_file_that_is_not_factdesk_fails()
    {
        var other = _temp.File("other.db");
        StoreDoctorTests.Execute(other, "CREATE TABLE notes (body TEXT)");
        Assert.Contains("not a Factdesk one", Assert.Throws<InputException>(() => StoreBackup.Restore(other, _temp.File("target.db"))).Problem);
        Assert.False(File.Exists(_temp.File("target.db")));
    }

    [Fact]
    public void Backing_up_a_missing_database_fails_clearly()
    {
        var missing = _temp.File("absent.db");
        Assert.Contains("no such database", Assert.Throws<InputException>(() => StoreBackup.Backup(missing, _temp.File("b"))).Problem);
        Assert.False(File.Exists(_temp.File("b")));
    }
}
