using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Factdesk.Tests.Web;

/// <summary>
/// The desk hosted in memory on its own temporary database, with one account per role (named after the role). One
/// fixture serves a test class; tests that change things make their own articles and checks.
/// </summary>
public sealed class DeskFixture : WebApplicationFactory<Factdesk.Web.DeskProgram>
{
    public const string Password = "a long enough password";
    public const string Checker = "checker";

    private readonly TempDirectory _temp = new();

    public DeskFixture()
    {
        DatabasePath = _temp.File("desk.db");
        using var db = new DeskDatabase(new DeskOptions(DatabasePath, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        foreach (var role in DeskRoles.All)
            users.Add(Account(role), role, Password, Actor.CommandLine);
    }

    public string DatabasePath { get; }

    /// <summary>The name of the account holding <paramref name="role"/>.</summary>
    public static string Account(string role) => role == DeskRoles.FactChecker ? Checker : role;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Desk:Database", DatabasePath);
        builder.UseSetting("Desk:Publisher", "Desk Tests");
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
        _temp.Dispose();
    }
}
