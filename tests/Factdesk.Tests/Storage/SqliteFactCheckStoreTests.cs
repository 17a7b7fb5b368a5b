using Factdesk.Storage;

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
}
