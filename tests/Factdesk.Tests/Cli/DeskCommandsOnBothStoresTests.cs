using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Factdesk.Cli.Commands;
using Factdesk.Tests.Storage;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Tests.Cli;

/// <summary>
/// `factdesk users` and `factdesk serve` on a SQLite file and on PostgreSQL (FACTDESK_TEST_POSTGRES; the PostgreSQL
/// cases skip, saying why, without a server).
/// </summary>
public sealed partial class DeskCommandsOnBothStoresTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private PostgresTestServer? _server;

    public void Dispose()
    {
        _server?.Dispose();
        _temp.Dispose();
    }

    private string Database(string store) =>
        store == "postgres" ? (_server ??= PostgresTestServer.Require()).Schema("desk") : _temp.File("desk.db");

    private static async Task<int> Add(string db, string name, string role, string password)
    {
        var root = new RootCommand { UsersCommand.Create(new StringReader(password + "\n")) };
        return await root.Parse(["users", "add", name, "--role", role, "--db", db])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), EnableDefaultExceptionHandler = false }, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Users_are_added_listed_disabled_and_enabled_and_names_ignore_case(string store)
    {
        var db = Database(store);
        Assert.Equal(0, await Add(db, "anna", DeskRoles.Admin, "first admin password"));
        Assert.Equal(0, await Add(db, "bob", DeskRoles.Viewer, "bob's long password"));
        var taken = await Assert.ThrowsAsync<Factdesk.Ingestion.InputException>(() => Add(db, "BOB", DeskRoles.Editor, "another long password"));
        Assert.Contains("already exists", taken.Message);

        Assert.Equal(0, (await CliRun.Of("users", "disable", "Bob", "--db", db)).ExitCode);
        var listed = await CliRun.Of("users", "list", "--db", db);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(["anna\tadmin", "bob\tviewer\tdisabled"], listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        (await CliRun.Of("users", "disable", "anna", "--db", db)).AssertUserError("last admin account");
        (await CliRun.Of("users", "enable", "nobody", "--db", db)).AssertUserError("no account with this name");
        Assert.Equal(0, (await CliRun.Of("users", "enable", "bob", "--db", db)).ExitCode);

        using var desk = new DeskDatabase(new DeskOptions(db, ""), TimeProvider.System);
        var users = new UserStore(desk, new AuditLog(desk));
        Assert.Equal(SignInOutcome.SignedIn, new SignIn(users, TimeProvider.System).Try("ANNA", "first admin password").Outcome);
        Assert.Equal(["account enabled", "account disabled", "account created", "account created"],
            new AuditLog(desk).Recent().Select(e => e.Action));
    }

    [Fact]
    public async Task Listing_the_users_of_a_missing_file_creates_nothing()
    {
        var missing = _temp.File("typo.db");
        (await CliRun.Of("users", "list", "--db", missing)).AssertUserError("no such database");
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Serve_runs_the_desk_and_an_account_made_with_users_add_signs_in(string store)
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Database(store);
        Assert.Equal(0, await Add(db, "anna", DeskRoles.Admin, "first admin password"));
        var url = $"http://127.0.0.1:{FreePort()}";
        using var desk = ChildCli.Start("serve", "--db", db, "--urls", url, "--site", _temp.File("site"));
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            var login = await Answer(http, desk, "/login");
            var token = WebUtility.HtmlDecode(TokenField().Match(login).Groups[1].Value);
            var signedIn = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "anna", ["password"] = "first admin password", ["__token"] = token,
            }), ct);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var audit = await http.GetStringAsync("/audit", ct);
            Assert.Contains("<td>anna</td><td>signed in</td>", audit);
            Assert.Contains("<td>command line</td><td>account created</td>", audit);
        }
        finally
        {
            desk.Kill(entireProcessTree: true);
            await desk.WaitForExitAsync(ct);
        }
    }

    /// <summary>The page at <paramref name="path"/> once the desk answers; the desk loads models first, so this polls.</summary>
    private static async Task<string> Answer(HttpClient http, System.Diagnostics.Process desk, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.False(desk.HasExited, $"serve stopped with exit code {(desk.HasExited ? desk.ExitCode : 0)}");
            try
            {
                var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
