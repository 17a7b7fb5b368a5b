using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Factdesk.Storage;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Tests.Web;

/// <summary>The monitoring workers' alerts, recorded through the alert store, as the desk shows and serves them.</summary>
public abstract partial class DeskAlertCases
{
    private readonly DeskFixture _desk;

    protected DeskAlertCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task An_alert_is_listed_with_its_article_and_fact_check_and_hostile_fields_stay_text()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var (articleId, claim) = await NewArticle(checker, "listed");
        var facts = FactChecks("listed", 2, publisher: "Checkers " + Hostile.Script);
        var safe = Record(articleId, facts[0], claim, "The bridge cost " + Hostile.Image, "False " + Hostile.Breakout, "https://factcheck.example/bridge?a=1&b=2");
        var unsafeUrl = Record(articleId, facts[1], claim, "A javascript claim", "False", "javascript:alert(document.cookie)");

        using var viewer = await _desk.SignedIn(DeskRoles.Viewer);
        var page = await viewer.Page("/alerts");
        Hostile.AssertInert(page);
        Assert.Contains(WebUtility.HtmlEncode(claim), page);
        Assert.Contains($"<a href=\"/articles/{articleId}\">", page);
        Assert.Contains(WebUtility.HtmlEncode("The bridge cost " + Hostile.Image), page);
        Assert.Contains(WebUtility.HtmlEncode("False " + Hostile.Breakout), page);
        Assert.Contains(WebUtility.HtmlEncode("Checkers " + Hostile.Script), page);
        Assert.Contains("href=\"https://factcheck.example/bridge?a=1&amp;b=2\"", page);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("A javascript claim", page);
        Assert.True(page.IndexOf("A javascript claim", StringComparison.Ordinal) < page.IndexOf("The bridge cost", StringComparison.Ordinal), "newest first");
        Assert.Contains("<a href=\"/alerts\">Alerts</a>", page);
        // A viewer reads alerts but opens no checks; a fact-checker gets the form, with its anti-forgery field.
        Assert.DoesNotContain($"action=\"/alerts/{safe}/check\"", page);
        var checkerPage = await checker.Page("/alerts");
        Assert.Contains($"<form method=\"post\" action=\"/alerts/{safe}/check\" class=\"inline\"><input type=\"hidden\" name=\"__token\"", checkerPage);
        Assert.Contains($"action=\"/alerts/{unsafeUrl}/check\"", checkerPage);
    }

    [Fact]
    public async Task Opening_a_check_from_an_alert_is_audited_and_the_alert_then_links_the_check()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var (articleId, claim) = await NewArticle(checker, "opened");
        var facts = FactChecks("opened", 3);
        var alert = Record(articleId, facts[0], claim, "An earlier claim", "False", "https://factcheck.example/opened");
        var other = Record(articleId, facts[1], ClaimsOf(articleId)[1], "Another earlier claim", "False", null);

        var response = await checker.Post($"/alerts/{alert}/check", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var checkId = DeskClient.IdFrom(response);
        Assert.Contains(WebUtility.HtmlEncode(claim), await checker.Page($"/checks/{checkId}"));
        using (var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System))
        {
            using var audit = db.Command("SELECT count(*) FROM audit_log WHERE action = 'check opened' AND check_id = @check AND user_name = @user");
            audit.Bind("@check", checkId);
            audit.Bind("@user", DeskFixture.Checker);
            Assert.Equal(1L, audit.ExecuteScalar());
        }
        var page = await checker.Page("/alerts");
        Assert.Contains($"<a href=\"/checks/{checkId}\">Check {checkId}</a>", page);
        Assert.DoesNotContain($"action=\"/alerts/{alert}/check\"", page);
        // Another sentence of the same article links the article's check and can still get its own.
        Assert.Contains($"<a href=\"/checks/{checkId}\">The article's check {checkId}</a> <form method=\"post\" action=\"/alerts/{other}/check\"", page);
        // Asking again opens nothing new.
        Assert.Equal(checkId, DeskClient.IdFrom(await checker.Post($"/alerts/{alert}/check", [])));
        Assert.Equal(HttpStatusCode.NotFound, (await checker.Post("/alerts/999999/check", [])).StatusCode);
        // A sentence that is not (or no longer) a claim of the dossier gets a reason, not a check on something else.
        var stale = Record(articleId, facts[2], "A sentence the article does not have.", "Stale", "False", null);
        var refused = await checker.Post($"/alerts/{stale}/check", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no longer among the article", await DeskClient.Body(refused));
    }

    [Fact]
    public async Task Without_the_anti_forgery_field_no_check_is_opened()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var (articleId, claim) = await NewArticle(checker, "forged");
        var alert = Record(articleId, FactChecks("forged", 1)[0], claim, "A forged claim", "False", null);
        await checker.Page("/alerts");
        var forged = await checker.Post($"/alerts/{alert}/check", [], token: "");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains($"action=\"/alerts/{alert}/check\"", await checker.Page("/alerts"));
    }

    [Fact]
    public async Task Alerts_are_paged_fifty_at_a_time_on_the_page_and_by_size_in_the_API()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var (articleId, claim) = await NewArticle(checker, "paged");
        var ids = FactChecks("paged", 53).Select((f, i) => Record(articleId, f, claim, $"Paged claim number {i:00}.", "False", null)).ToList();

        var first = await checker.Page("/alerts");
        Assert.Contains("Paged claim number 52.", first);
        Assert.DoesNotContain("Paged claim number 02.", first);
        Assert.Equal(50, AlertForm().Matches(first).Count);
        Assert.Contains("href=\"/alerts?page=2\"", first);
        var second = await checker.Page("/alerts?page=2");
        Assert.Contains("Paged claim number 02.", second);
        Assert.Contains("href=\"/alerts?page=1\"", second);

        var ct = TestContext.Current.CancellationToken;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(DeskRoles.Viewer));
        var one = await api.GetFromJsonAsync<JsonElement>("/api/alerts?page=1&size=2", ct);
        var two = await api.GetFromJsonAsync<JsonElement>("/api/alerts?page=2&size=2", ct);
        Assert.Equal([ids[52], ids[51]], one.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal([ids[50], ids[49]], two.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        var newest = one[0];
        Assert.Equal(articleId, newest.GetProperty("articleId").GetInt64());
        Assert.Equal(claim, newest.GetProperty("articleClaim").GetString());
        Assert.Equal("Paged claim number 52.", newest.GetProperty("factCheckClaim").GetString());
        Assert.Equal(0.91, newest.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_alerts_endpoint()
    {
        using var client = _desk.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var get = document.GetProperty("paths").GetProperty("/api/alerts").GetProperty("get");
        Assert.Contains("alerts", get.GetProperty("summary").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DeskAlert", out _));
    }

    [GeneratedRegex("action=\"/alerts/\\d+/check\"")]
    private static partial Regex AlertForm();

    /// <summary>A submitted article and the text of its first dossier claim (the sentences the worker matches).</summary>
    private async Task<(long Id, string Claim)> NewArticle(DeskClient checker, string tag)
    {
        var id = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("alerts " + tag), ["format"] = "text" }));
        return (id, ClaimsOf(id)[0]);
    }

    private List<string> ClaimsOf(long articleId)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        using var select = db.Command("SELECT json FROM dossiers WHERE article_id = @id");
        select.Bind("@id", articleId);
        using var dossier = JsonDocument.Parse((string)select.ExecuteScalar()!);
        return dossier.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
    }

    /// <summary><paramref name="count"/> fact-checks in the store, with their ids, in the order added.</summary>
    private List<long> FactChecks(string tag, int count, string publisher = "Example Checks")
    {
        using (var store = StoreFactory.OpenFactChecks(_desk.Database))
            store.AddAll(Enumerable.Range(0, count).Select(i => new FactCheckRecord($"alerts:{tag}:{i}", $"Fact-check {tag} {i}", Publisher: publisher, Embedding: Vector)).ToList());
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        return Enumerable.Range(0, count).Select(i =>
        {
            using var select = db.Command("SELECT id FROM fact_checks WHERE source_key = @key");
            select.Bind("@key", $"alerts:{tag}:{i}");
            return (long)select.ExecuteScalar()!;
        }).ToList();
    }

    // The alerts never read the vectors; the store only insists on their size.
    private static readonly float[] Vector = [1f, .. new float[Factdesk.Matching.SentenceEncoder.Dimensions - 1]];

    /// <summary>Records one alert as a worker does, and returns its id.</summary>
    private long Record(long articleId, long factCheckId, string articleClaim, string factCheckClaim, string? verdict, string? url)
    {
        using var alerts = StoreFactory.OpenAlerts(_desk.Database);
        Assert.Equal(1, alerts.Finish(articleId, [new AlertRecord(factCheckId, articleClaim, factCheckClaim, verdict, url, 0.91)]));
        return alerts.Latest(1)[0].Id;
    }

    private string Token(string role)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        return users.AddToken(users.Find(DeskFixture.Account(role))!, "alerts test");
    }
}

/// <summary>The cases of <see cref="DeskAlertCases"/> on a SQLite file.</summary>
public sealed class DeskAlertTests(DeskFixture desk) : DeskAlertCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskAlertCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskAlertTests(PostgresDeskFixture desk) : DeskAlertCases(desk), IClassFixture<PostgresDeskFixture>;
