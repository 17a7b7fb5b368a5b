using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>The alert store contract on PostgreSQL; skipped (with the reason) when no server is configured.</summary>
public sealed class PostgresAlertStoreTests : AlertStoreContract
{
    private PostgresTestServer? _server;

    private PostgresTestServer Server => _server ??= PostgresTestServer.Require();

    protected override (IArticleStore Articles, IFactCheckStore Facts, IAlertStore Alerts) Open(string name = "store")
    {
        var db = Server.Schema(name);
        return (PostgresArticleStore.Open(db), PostgresFactCheckStore.Open(db), PostgresAlertStore.Open(db));
    }

    public override void Dispose()
    {
        _server?.Dispose();
        base.Dispose();
    }
}
