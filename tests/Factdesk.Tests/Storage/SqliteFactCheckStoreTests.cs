using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Tests.Storage;

public sealed class SqliteFactCheckStoreTests : FactCheckStoreContract
{
    protected override IFactCheckStore Open(string name = "facts") => SqliteFactCheckStore.Open(Temp.File(name + ".db"));

    [Fact]
    public void Articles_and_fact_checks_share_one_database_file()
    {
        var path = Temp.File("both.db");
        using (var articles = SqliteArticleStore.Open(path))
            articles.Add(ArticleStoreContract.Record("An article.", "hash-1"));
        using var facts = SqliteFactCheckStore.Open(path);
        facts.AddAll([Fact("k", "A claim.")]);
        using var again = SqliteArticleStore.Open(path);
        Assert.Equal(1, again.Count());
        Assert.Equal(1, facts.Count());
    }

    [Fact]
    public void A_database_with_the_old_full_text_table_loses_it_and_keeps_its_fact_checks()
    {
        var path = Temp.File("fts.db");
        OldDatabase(path, FactCheckSchema.DropFullText, "INSERT INTO fact_checks_fts (rowid, terms) VALUES (last_insert_rowid(), 'old claim')");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.True(FullTextTables(connection) > 0);
        }
        using (var store = SqliteFactCheckStore.Open(path))
        {
            Assert.Equal("An old claim.", Assert.Single(store.All()).FactCheck.Claim);
            store.AddAll([Fact("new", "A new claim.")]);
            Assert.Equal(2, store.Count());
        }
        using var reopened = new SqliteConnection($"Data Source={path};Pooling=False");
        reopened.Open();
        Assert.Equal(0L, FullTextTables(reopened));
    }

    // A database as Factdesk left it before `step`, holding one fact-check ('old', 'An old claim.'), then `more` run on it.
    private static void OldDatabase(string path, SchemaStep step, string more = "")
    {
        var before = SchemaSteps.All.TakeWhile(s => s != step).ToList();
        Assert.True(before.Count < SchemaSteps.All.Count);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        SqliteMigrator.Migrate(connection, before, path);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO fact_checks (source_key, claim, embedding, imported_at) VALUES ('old', 'An old claim.', $e, '2026-01-01T00:00:00+00:00');" + more;
        insert.Parameters.AddWithValue("$e", new byte[1536]);
        insert.ExecuteNonQuery();
    }

    private static long FullTextTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'fact_checks_fts%'";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void A_database_from_before_summaries_is_upgraded_and_keeps_its_fact_checks()
    {
        var path = Temp.File("old.db");
        OldDatabase(path, FactCheckSchema.Writing);
        using var store = SqliteFactCheckStore.Open(path);
        var old = Assert.Single(store.All()).FactCheck;
        Assert.Equal(("old", "An old claim.", null, null), (old.SourceKey, old.Claim, old.Summary, old.Analysis));
        store.AddAll([Fact("new", "A new claim.")]);
        var added = store.All().Single(f => f.FactCheck.SourceKey == "new").FactCheck;
        Assert.Equal(Fact("new", "A new claim.").Summary, added.Summary);
        Assert.Equal(Fact("new", "A new claim.").Analysis, added.Analysis);
    }
}
