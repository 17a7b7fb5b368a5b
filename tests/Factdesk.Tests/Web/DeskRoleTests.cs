using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Tests.Web;

/// <summary>Each role against each endpoint, on the pages (cookie) and in the API (token): allowed exactly where the role suffices.</summary>
public abstract class DeskRoleCases
{
    private readonly DeskFixture _desk;

    protected DeskRoleCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    /// <summary>Method, path, the weakest role allowed. Posts carry harmless or invalid fields: only "allowed or not" is asked.</summary>
    private static readonly (string Method, string Path, string Needs)[] Pages =
    [
        ("GET", "/", DeskRoles.Viewer),
        ("GET", "/checks", DeskRoles.Viewer),
        ("GET", "/account", DeskRoles.Viewer),
        ("POST", "/account/tokens", DeskRoles.Viewer),
        ("POST", "/account/tokens/999/revoke", DeskRoles.Viewer),
        ("POST", "/account/password", DeskRoles.Viewer),
        ("GET", "/articles/new", DeskRoles.FactChecker),
        ("POST", "/articles", DeskRoles.FactChecker),
        ("POST", "/articles/999/checks", DeskRoles.FactChecker),
        ("POST", "/checks/999/status", DeskRoles.FactChecker),
        ("POST", "/checks/999/assign", DeskRoles.FactChecker),
        ("POST", "/checks/999/comments", DeskRoles.FactChecker),
        ("POST", "/checks/999/evidence", DeskRoles.FactChecker),
        ("POST", "/checks/999/verdict", DeskRoles.Editor),
        ("POST", "/checks/999/publish", DeskRoles.Editor),
        ("GET", "/users", DeskRoles.Admin),
        ("POST", "/users", DeskRoles.Admin),
        ("POST", "/users/999/role", DeskRoles.Admin),
        ("GET", "/audit", DeskRoles.Admin),
        ("GET", "/audit?check=999&page=2", DeskRoles.Admin),
        ("GET", "/search?q=mayor", DeskRoles.Viewer),
        ("GET", "/alerts", DeskRoles.Viewer),
        ("POST", "/alerts/999/check", DeskRoles.FactChecker),
        ("GET", "/statuses", DeskRoles.Admin),
        ("POST", "/statuses", DeskRoles.Admin),
        ("POST", "/statuses/new/name", DeskRoles.Admin),
        ("POST", "/users/999/disable", DeskRoles.Admin),
        ("POST", "/users/999/enable", DeskRoles.Admin),
        ("POST", "/users/999/password", DeskRoles.Admin),
    ];

    private static readonly (string Method, string Path, string Needs)[] Api =
    [
        ("GET", "/api/articles", DeskRoles.Viewer),
        ("GET", "/api/checks", DeskRoles.Viewer),
        ("GET", "/api/checks/999", DeskRoles.Viewer),
        ("POST", "/api/articles", DeskRoles.FactChecker),
        ("POST", "/api/checks", DeskRoles.FactChecker),
        ("POST", "/api/checks/999/status", DeskRoles.FactChecker),
        ("POST", "/api/checks/999/comments", DeskRoles.FactChecker),
        ("POST", "/api/checks/999/verdict", DeskRoles.Editor),
        ("POST", "/api/checks/999/publish", DeskRoles.Editor),
        ("GET", "/api/checks/999/comments", DeskRoles.Viewer),
        ("GET", "/api/search?q=mayor", DeskRoles.Viewer),
        ("GET", "/api/alerts?page=2&size=10", DeskRoles.Viewer),
        ("GET", "/api/statuses", DeskRoles.Viewer),
        ("POST", "/api/statuses", DeskRoles.Admin),
        ("POST", "/api/statuses/new/name", DeskRoles.Admin),
    ];

    public static TheoryData<string> Roles => new(DeskRoles.All);

    [Theory]
    [MemberData(nameof(Roles), MemberType = typeof(DeskRoleCases))]
    public async Task Each_page_is_open_exactly_to_the_roles_it_needs(string role)
    {
        using var client = await _desk.SignedIn(role);
        var wrong = new List<string>();
        foreach (var (method, path, needs) in Pages)
        {
            var response = method == "GET" ? await client.Get(path) : await client.Post(path, new() { ["text"] = "" });
            var denied = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/denied";
            if (denied == DeskRoles.Allows(role, needs))
                wrong.Add($"{method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Roles), MemberType = typeof(DeskRoleCases))]
    public async Task Each_API_endpoint_is_open_exactly_to_the_tokens_of_the_roles_it_needs(string role)
    {
        using var client = _desk.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role));
        var wrong = new List<string>();
        foreach (var (method, path, needs) in Api)
        {
            var response = await Send(client, method, path);
            if ((response.StatusCode == HttpStatusCode.Forbidden) == DeskRoles.Allows(role, needs) || response.StatusCode == HttpStatusCode.Unauthorized)
                wrong.Add($"{method} {path}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_API_answers_401_without_a_token_with_a_wrong_token_and_with_only_a_session_cookie()
    {
        using var anonymous = _desk.CreateClient();
        using var wrongToken = _desk.CreateClient();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", UserStore.TokenPrefix + new string('0', 64));
        using var cookie = await _desk.SignedIn(DeskRoles.Admin);
        foreach (var (method, path, _) in Api)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, method, path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(wrongToken, method, path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(cookie.Http, method, path)).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) => method == "GET"
        ? client.GetAsync(path, TestContext.Current.CancellationToken)
        : client.PostAsJsonAsync(path, new { }, TestContext.Current.CancellationToken);

    private string TokenFor(string role)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        return users.AddToken(users.Find(DeskFixture.Account(role))!, "role test");
    }
}

/// <summary>The cases of <see cref="DeskRoleCases"/> on a SQLite file.</summary>
public sealed class DeskRoleTests(DeskFixture desk) : DeskRoleCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskRoleCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskRoleTests(PostgresDeskFixture desk) : DeskRoleCases(desk), IClassFixture<PostgresDeskFixture>;
