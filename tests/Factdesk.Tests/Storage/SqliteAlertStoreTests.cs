using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

public sealed class SqliteAlertStoreTests : AlertStoreContract
{
    protected override (IArticleStore Articles, IFactCheckStore Facts, IAlertStore Alerts) Open(string name = "store")
    {
        var path = Temp.File(name + ".db");
        return (SqliteArticleStore.Open(path), SqliteFactCheckStore.Open(path), SqliteAlertStore.Open(path));
    }
}
