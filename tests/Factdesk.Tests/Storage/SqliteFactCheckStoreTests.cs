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

    // A database as Factdesk left it before `step`, holding one fact-check ('old', 'An old claim.').
    private static void OldDatabase(string path, SchemaStep step)
    {
        var before = SchemaSteps.All.TakeWhile(s => s != step).ToList();
        Assert.True(before.Count < SchemaSteps.All.Count);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        SqliteMigrator.Migrate(connection, before, path);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO fact_checks (source_key, claim, embedding, imported_at) VALUES ('old', 'An old claim.', $e, '2026-01-01T00:00:00+00:00')";
        insert.Parameters.AddWithValue("$e", new byte[1536]);
        insert.ExecuteNonQuery();
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
