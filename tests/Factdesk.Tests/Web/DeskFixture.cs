using Factdesk.Tests.Storage;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Factdesk.Tests.Web;

/// <summary>
/// The desk hosted in memory on its own temporary SQLite database, with one account per role (named after the role).
/// One fixture serves a test class; tests that change things make their own articles and checks.
/// <see cref="PostgresDeskFixture"/> is the same desk on a PostgreSQL schema of its own.
/// </summary>
public class DeskFixture : WebApplicationFactory<Factdesk.Web.DeskProgram>
{
    public const string Password = "a long enough password";
    public const string Checker = "checker";

    private readonly TempDirectory _temp = new();
    private readonly PostgresTestServer? _server;

    public DeskFixture() : this(postgres: false) { }

    protected DeskFixture(bool postgres)
    {
        if (postgres)
        {
            _server = PostgresTestServer.IfConfigured();
            // Without a server the fixture stays empty and each test skips in RequireStore.
            if (_server is null) return;
            Database = _server.Schema("desk");
        }
        else
        {
            Database = _temp.File("desk.db");
        }
        using var db = new DeskDatabase(new DeskOptions(Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        foreach (var role in DeskRoles.All)
            users.Add(Account(role), role, Password, Actor.CommandLine);
    }

    /// <summary>The desk's --db: a SQLite path, or a PostgreSQL connection string.</summary>
    public string Database { get; } = "";

    /// <summary>Skips the calling test, with the reason, when this fixture has no database (PostgreSQL without a server).</summary>
    public void RequireStore() => Assert.SkipWhen(Database.Length == 0, PostgresTestServer.Missing);

    /// <summary>The name of the account holding <paramref name="role"/>.</summary>
    public static string Account(string role) => role == DeskRoles.FactChecker ? Checker : role;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Desk:Database", Database);
        builder.UseSetting("Desk:Publisher", "Desk Tests");
        // A PostgreSQL database has no folder for the public site to go beside.
        if (_server is not null) builder.UseSetting("Desk:Site", _temp.File("site"));
        // Many tests sign in from the same test-server address; the limit itself has its own test.
        builder.UseSetting("Desk:LoginsPerMinute", "100000");
    }

    public DeskClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<DeskClient> SignedIn(string role)
    {
        var client = Client();
        var response = await client.SignIn(Account(role), Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _server?.Dispose();
        _temp.Dispose();
    }
}

/// <summary>The desk on a PostgreSQL schema of its own (FACTDESK_TEST_POSTGRES); its tests skip, saying why, without a server.</summary>
public sealed class PostgresDeskFixture() : DeskFixture(postgres: true);
