using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Tests.Web;

/// <summary>A team's own statuses: renamed and added by an admin, stored in the database, followed by the workflow.</summary>
public abstract class DeskStatusCases
{
    private readonly DeskFixture _desk;

    protected DeskStatusCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task An_added_status_after_In_review_becomes_the_step_publishing_needs()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var added = await admin.Post("/statuses", new() { ["name"] = "Legal check", ["after"] = "in-review" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await DeskClient.Body(added);
        Assert.True(page.IndexOf(">In review<", StringComparison.Ordinal) < page.IndexOf(">Legal check<", StringComparison.Ordinal));
        Assert.True(page.IndexOf(">Legal check<", StringComparison.Ordinal) < page.IndexOf(">Published<", StringComparison.Ordinal));
        Assert.Contains("<td>admin</td><td>status added</td>", await admin.Page("/audit"));

        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var checkId = await OpenCheck(checker, "legal");
        foreach (var status in new[] { "researching", "in-review" })
            Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = status })).StatusCode);
        using var editor = await _desk.SignedIn(DeskRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Post($"/checks/{checkId}/verdict",
            new() { ["verdict"] = "False", ["summary"] = "Not what the records say." })).StatusCode);
        // In review is no longer the last step before Published: publishing from it is refused, and the page says which step is.
        var early = await editor.Post($"/checks/{checkId}/publish", []);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Legal check", await DeskClient.Body(early));
        Assert.Contains("Move to Legal check", await editor.Page($"/checks/{checkId}"));
        // Published is reached by publishing only, never by hand.
        Assert.Equal(HttpStatusCode.Conflict, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "published" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "legal-check" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Post($"/checks/{checkId}/publish", [])).StatusCode);
        Assert.Contains(">Published</span>", await editor.Page($"/checks/{checkId}"));
    }

    [Fact]
    public async Task A_renamed_status_shows_its_new_name_as_text_everywhere_and_keeps_its_place()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var checkId = await OpenCheck(checker, "rename");
        var hostile = Hostile.Breakout + "';--";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/statuses/new/name", new() { ["name"] = hostile })).StatusCode);
        var encoded = WebUtility.HtmlEncode(hostile);
        foreach (var path in new[] { "/statuses", "/checks", $"/checks/{checkId}", "/" })
        {
            var html = await admin.Page(path);
            Hostile.AssertInert(html);
            Assert.Contains(encoded, html);
        }
        // The key stays, so the check is still where checks start and moves on as before.
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "researching" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/statuses/new/name", new() { ["name"] = "New" })).StatusCode);
    }

    [Fact]
    public async Task Bad_status_changes_are_refused_with_a_reason_and_change_nothing()
    {
        using var admin = await _desk.SignedIn(DeskRoles.Admin);
        var before = Statuses(await admin.Page("/statuses"));
        var refused = new (Dictionary<string, string> Fields, string Path, HttpStatusCode Status, string Reason)[]
        {
            (new() { ["name"] = "", ["after"] = "new" }, "/statuses", HttpStatusCode.BadRequest, "needs a name"),
            (new() { ["name"] = new string('x', 41), ["after"] = "new" }, "/statuses", HttpStatusCode.BadRequest, "at most 40"),
            (new() { ["name"] = "After the end", ["after"] = "published" }, "/statuses", HttpStatusCode.BadRequest, "Published stays the last"),
            (new() { ["name"] = "researching", ["after"] = "new" }, "/statuses", HttpStatusCode.Conflict, "already a status named"),
            (new() { ["name"] = "Line\nbreak", ["after"] = "new" }, "/statuses", HttpStatusCode.BadRequest, "one line"),
            (new() { ["name"] = "Published" }, "/statuses/new/name", HttpStatusCode.Conflict, "already a status named"),
            (new() { ["name"] = "Ghost" }, "/statuses/no-such-status/name", HttpStatusCode.NotFound, "no status"),
        };
        foreach (var (fields, path, status, reason) in refused)
        {
            var response = await admin.Post(path, fields);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(reason, await DeskClient.Body(response));
        }
        // Without the form token nothing is added.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post("/statuses", new() { ["name"] = "Forged", ["after"] = "new" }, token: "")).StatusCode);
        Assert.Equal(before, Statuses(await admin.Page("/statuses")));
    }

    private static List<string> Statuses(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<span class=\"status [^\"]*\">([^<]*)</span>").Select(m => m.Groups[1].Value).ToList();

    private async Task<long> OpenCheck(DeskClient checker, string tag)
    {
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article(tag), ["format"] = "text" }));
        var claim = DeskWorkflowCases.ClaimField().Match(await checker.Page($"/articles/{articleId}")).Groups[1].Value;
        return DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim }));
    }
}

/// <summary>The cases of <see cref="DeskStatusCases"/> on a SQLite file.</summary>
public sealed class DeskStatusTests(DeskFixture desk) : DeskStatusCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskStatusCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskStatusTests(PostgresDeskFixture desk) : DeskStatusCases(desk), IClassFixture<PostgresDeskFixture>;

/// <summary>The statuses through the API; a class (and database) of its own, since it adds a status the page tests do not expect.</summary>
public abstract class DeskStatusApiCases
{
    private readonly DeskFixture _desk;

    protected DeskStatusApiCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task The_API_lists_adds_and_renames_statuses_for_admin_tokens()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(DeskRoles.Admin));
        var added = await api.PostAsJsonAsync("/api/statuses", new { name = "Second opinion", after = "researching" }, ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var keys = (await added.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();
        Assert.Equal("new", keys[0]);
        Assert.Equal("published", keys[^1]);
        Assert.Equal(keys.IndexOf("researching") + 1, keys.IndexOf("second-opinion"));
        var renamed = await api.PostAsJsonAsync("/api/statuses/second-opinion/name", new { name = "Peer check" }, ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/statuses", ct);
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("key").GetString() == "second-opinion" && s.GetProperty("name").GetString() == "Peer check");
        var duplicate = await api.PostAsJsonAsync("/api/statuses", new { name = "peer CHECK", after = "new" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    private string Token(string role)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        return users.AddToken(users.Find(DeskFixture.Account(role))!, "status test");
    }
}

/// <summary>The cases of <see cref="DeskStatusApiCases"/> on a SQLite file.</summary>
public sealed class DeskStatusApiTests(DeskFixture desk) : DeskStatusApiCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskStatusApiCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskStatusApiTests(PostgresDeskFixture desk) : DeskStatusApiCases(desk), IClassFixture<PostgresDeskFixture>;
