using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>The fact-check store contract on PostgreSQL; skipped (with the reason) when no server is configured.</summary>
public sealed class PostgresFactCheckStoreTests : FactCheckStoreContract
{
    private PostgresTestServer? _server;

    private PostgresTestServer Server => _server ??= PostgresTestServer.Require();

    protected override IFactCheckStore Open(string name = "facts") => PostgresFactCheckStore.Open(Server.Schema(name));

    public override void Dispose()
    {
        _server?.Dispose();
        base.Dispose();
    }

    [Fact]
    public void Text_search_uses_the_gin_index()
    {
        using var store = Open();
        store.AddAll([Fact("k", "The river bridge closed.")]);
        var plan = string.Join('\n', Plan("facts", "EXPLAIN SELECT id FROM fact_checks WHERE terms_tsv @@ 'river'::tsquery"));
        Assert.Contains("fact_checks_terms", plan);
    }

    [Fact]
    public void Articles_and_fact_checks_share_one_database()
    {
        var db = Server.Schema("both");
        using (var articles = PostgresArticleStore.Open(db))
            articles.Add(ArticleStoreContract.Record("An article.", "hash-1"));
        using var facts = PostgresFactCheckStore.Open(db);
        facts.AddAll([Fact("k", "A claim.")]);
        using var again = PostgresArticleStore.Open(db);
        Assert.Equal((1, 1), (again.Count(), facts.Count()));
    }

    private List<string> Plan(string schema, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(Server.Schema(schema));
        connection.Open();
        using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
            off.ExecuteNonQuery();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        using var row = command.ExecuteReader();
        var lines = new List<string>();
        while (row.Read()) lines.Add(row.GetString(0));
        return lines;
    }
}
