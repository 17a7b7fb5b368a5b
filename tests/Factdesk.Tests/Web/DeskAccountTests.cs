using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Hosting;

namespace Factdesk.Tests.Web;

/// <summary>An admin's hold on accounts (disable, reset a password), the audit of sign-ins, forwarded addresses, long lists.</summary>
public abstract class DeskAccountCases
{
    private readonly DeskFixture _desk;

    protected DeskAccountCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    private const string Strong = "another long password";

    [Fact]
    public async Task A_disabled_account_loses_its_sessions_and_tokens_and_cannot_sign_in_until_enabled()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var id = await NewAccount(admin, "leaver", DeskRoles.FactChecker);
        using var leaver = _desk.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await leaver.SignIn("leaver", Strong)).StatusCode);
        var token = Token("leaver");
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/checks", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post($"/users/{id}/disable", [])).StatusCode);
        Assert.Equal("/login", (await leaver.Get("/")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/checks", TestContext.Current.CancellationToken)).StatusCode);
        var refused = await _desk.Client().SignIn("leaver", Strong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("This account is disabled", await DeskClient.Body(refused));
        // A wrong password does not reveal that the account exists and is disabled.
        Assert.DoesNotContain("disabled", await DeskClient.Body(await _desk.Client().SignIn("leaver", "a wrong password")));
        Assert.Contains("<td>disabled</td>", await admin.Page("/users"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post($"/users/{id}/enable", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _desk.Client().SignIn("leaver", Strong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/checks", TestContext.Current.CancellationToken)).StatusCode);
        var audit = await admin.Page("/audit");
        Assert.Contains("<td>admin</td><td>account disabled</td>", audit);
        Assert.Contains("<td>admin</td><td>account enabled</td>", audit);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var self = await admin.Post($"/users/{AccountId(DeskRoles.Admin)}/disable", []);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/users")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_lifts_the_lockout_and_logs_no_password()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var id = await NewAccount(admin, "forgetful", DeskRoles.Viewer);
        using var session = _desk.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignIn("forgetful", Strong)).StatusCode);
        using var guesser = _desk.Client();
        for (var i = 0; i < SignIn.MaxFailures; i++) await guesser.SignIn("forgetful", "wrong guess " + i);

        const string reset = "the reset password 42";
        var done = await admin.Post($"/users/{id}/password", new() { ["password"] = reset });
        Assert.Contains("is reset", await DeskClient.Body(done));
        Assert.Equal("/login", (await session.Get("/")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Client().SignIn("forgetful", Strong)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _desk.Client().SignIn("forgetful", reset)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post($"/users/{id}/password", new() { ["password"] = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post($"/users/{id}/password", new() { ["password"] = "a forged reset 123" }, token: "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _desk.Client().SignIn("forgetful", reset)).StatusCode);
        var audit = await admin.Page("/audit");
        Assert.Contains("<td>admin</td><td>password reset</td>", audit);
        Assert.DoesNotContain(reset, audit);
    }

    [Fact]
    public async Task Sign_ins_and_refusals_are_in_the_audit_log_with_name_and_address_never_the_password()
    {
        using var client = _desk.Client();
        await client.SignIn(DeskRoles.Editor, "the-wrong-one-123");
        await client.SignIn(Hostile.Script, "whatever-456");
        await client.SignIn(DeskRoles.Editor, DeskFixture.Password);
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var audit = await admin.Page("/audit");
        Assert.Contains("<td>editor</td><td>sign-in refused</td><td></td><td>wrong name or password, from", audit);
        Assert.Contains("<td>editor</td><td>signed in</td><td></td><td>from", audit);
        Assert.Contains(WebUtility.HtmlEncode(Hostile.Script), audit);
        Hostile.AssertInert(audit);
        Assert.DoesNotContain("the-wrong-one-123", audit);
        Assert.DoesNotContain("whatever-456", audit);
        Assert.DoesNotContain(DeskFixture.Password, audit);
    }

    [Fact]
    public async Task Forwarded_addresses_count_only_when_the_desk_is_told_it_is_behind_a_proxy()
    {
        async Task<List<HttpStatusCode>> Attempts(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Factdesk.Web.DeskProgram> host, params string[] addresses)
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var address in addresses)
            {
                using var client = new DeskClient(host.CreateClient(new() { AllowAutoRedirect = false }));
                client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
                statuses.Add((await client.SignIn("nobody-" + address, "wrong password")).StatusCode);
            }
            return statuses;
        }
        const HttpStatusCode no = HttpStatusCode.Unauthorized, limited = HttpStatusCode.TooManyRequests;

        // Not behind a proxy: the header is anyone's to send, so it neither escapes the limit nor reaches the log.
        await using (var direct = _desk.WithWebHostBuilder(b => b.UseSetting("Desk:LoginsPerMinute", "2")))
            Assert.Equal([no, no, limited], await Attempts(direct, "203.0.113.1", "203.0.113.2", "203.0.113.3"));
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        Assert.DoesNotContain("from 203.0.113.1", await admin.Page("/audit"));

        await using var proxied = _desk.WithWebHostBuilder(b => b.UseSetting("Desk:LoginsPerMinute", "2").UseSetting("Desk:BehindProxy", "true"));
        Assert.Equal([no, no, limited, no], await Attempts(proxied, "198.51.100.7", "198.51.100.7", "198.51.100.7", "198.51.100.8"));
        Assert.Contains("wrong name or password, from 198.51.100.8", await admin.Page("/audit"));
    }

    [Fact]
    public async Task Long_lists_come_a_page_at_a_time()
    {
        using (var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System))
        {
            var audit = new AuditLog(db);
            for (var i = 0; i < 120; i++) audit.Record(null, Actor.CommandLine, "paging test", detail: $"entry {i:000}");
        }
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var first = await admin.Page("/audit");
        var second = await admin.Page("/audit?page=2");
        Assert.Contains("entry 119", first);
        Assert.DoesNotContain("entry 069", first);
        Assert.Contains("entry 069", second);
        Assert.DoesNotContain("entry 119", second);
        Assert.Contains("href=\"/audit?page=2\"", first);
        Assert.Contains("href=\"/audit?page=1\"", second);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/audit?page=x'%20OR%201=1")).StatusCode);

        // A check's comments: the newest on the page, older ones behind a link; the API pages them the same way.
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("paging"), ["format"] = "text" }));
        var claim = DeskWorkflowCases.ClaimField().Match(await checker.Page($"/articles/{articleId}")).Groups[1].Value;
        var checkId = DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim }));
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(DeskFixture.Checker));
        for (var i = 0; i < 60; i++)
            await api.PostAsync($"/api/checks/{checkId}/comments", JsonContent.Create(new { text = $"comment {i:000}" }), TestContext.Current.CancellationToken);
        var page = await checker.Page($"/checks/{checkId}");
        Assert.Contains("comment 059", page);
        Assert.DoesNotContain("comment 009", page);
        Assert.Contains($"href=\"/checks/{checkId}?comments=2#comments\"", page);
        Assert.Contains("comment 009", await checker.Page($"/checks/{checkId}?comments=2"));
        var older = await api.GetStringAsync($"/api/checks/{checkId}/comments?page=2&size=10", TestContext.Current.CancellationToken);
        Assert.Contains("comment 049", older);
        Assert.DoesNotContain("comment 050", older);
    }

    private async Task<long> NewAccount(DeskClient admin, string name, string role)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.Post("/users", new() { ["name"] = name, ["role"] = role, ["password"] = Strong })).StatusCode);
        return AccountId(name);
    }

    private long AccountId(string name)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        return new UserStore(db, new AuditLog(db)).Find(name)!.Id;
    }

    private string Token(string name)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        return users.AddToken(users.Find(name)!, "account test");
    }
}

/// <summary>The cases of <see cref="DeskAccountCases"/> on a SQLite file.</summary>
public sealed class DeskAccountTests(DeskFixture desk) : DeskAccountCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskAccountCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskAccountTests(PostgresDeskFixture desk) : DeskAccountCases(desk), IClassFixture<PostgresDeskFixture>;
