using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>The article store contract on PostgreSQL; skipped (with the reason) when no server is configured.</summary>
public sealed class PostgresArticleStoreTests : ArticleStoreContract
{
    private PostgresTestServer? _server;

    private PostgresTestServer Server => _server ??= PostgresTestServer.Require();

    protected override IArticleStore Open(string name = "store") => PostgresArticleStore.Open(Server.Schema(name));

    public override void Dispose()
    {
        _server?.Dispose();
        base.Dispose();
    }

    [Fact]
    public void A_new_database_records_every_schema_step_it_had()
    {
        using (Open("fresh")) { }
        Assert.Equal((long)PostgresSchema.Steps.Count, Server.Scalar("fresh", "SELECT count(*) FROM schema_version"));
        Assert.Equal(PostgresSchema.Steps.Count, Server.Scalar("fresh", "SELECT max(version) FROM schema_version"));
        // Opening again runs nothing twice.
        using (Open("fresh")) { }
        Assert.Equal((long)PostgresSchema.Steps.Count, Server.Scalar("fresh", "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void A_database_from_a_newer_factdesk_is_refused_with_a_clear_message()
    {
        using (Open("future")) { }
        Server.Scalar("future", $"INSERT INTO schema_version (version, name) VALUES ({PostgresSchema.Steps.Count + 1}, 'from the future')");
        var error = Assert.Throws<Factdesk.Ingestion.InputException>(() => Open("future"));
        Assert.Contains("newer than this Factdesk", error.Message);
    }
}
