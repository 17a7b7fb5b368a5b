using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Factdesk.Storage;
using Factdesk.Web.Accounts;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Factdesk.Tests.Web;

/// <summary>One search over the desk's checks, its articles' claims, the store's fact-checks and the claimants.</summary>
public abstract class DeskSearchCases
{
    private readonly DeskFixture _desk;

    protected DeskSearchCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task A_search_finds_checks_claims_fact_checks_and_claimants_and_links_to_them()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("search"), ["format"] = "text" }));
        var checkIds = new List<long>();
        foreach (System.Text.RegularExpressions.Match claim in DeskWorkflowCases.ClaimField().Matches(await checker.Page($"/articles/{articleId}")))
            checkIds.Add(DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim.Groups[1].Value })));
        AddFactCheck("search:bridge", "The city spent 40 million dollars on the new bridge", "Mayor Quimby " + Hostile.Image, "https://factcheck.example/bridge");

        var found = await checker.Page("/search?q=million%20dollars");
        Assert.Contains(checkIds, id => found.Contains($"href=\"/checks/{id}\"", StringComparison.Ordinal));
        Assert.Contains($"href=\"/articles/{articleId}#claim-", found);
        Assert.Contains("href=\"https://factcheck.example/bridge\"", found);
        var byClaimant = await checker.Page("/search?q=quimby");
        Assert.Contains(WebUtility.HtmlEncode("Mayor Quimby " + Hostile.Image), byClaimant);
        Assert.Contains("href=\"/search?q=Mayor%20Quimby%20%3Cimg", byClaimant);
        Hostile.AssertInert(byClaimant);
    }

    [Theory]
    [InlineData("%%")]
    [InlineData("__")]
    [InlineData("' OR '1'='1")]
    [InlineData("'); DROP TABLE checks; --")]
    [InlineData("\" OR \"\"=\"")]
    public async Task SQL_metacharacters_are_searched_for_as_text(string query)
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("metachar"), ["format"] = "text" }));
        var page = await checker.Page("/search?q=" + Uri.EscapeDataString(query));
        // Nothing in the desk holds these characters, so every section is empty rather than everything matching.
        Assert.Equal(4, page.Split("None found.").Length - 1);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(query)}\"", page);
        Assert.Equal(HttpStatusCode.OK, (await checker.Get("/checks")).StatusCode);
    }

    [Fact]
    public async Task A_hostile_query_is_shown_as_text()
    {
        using var viewer = await _desk.SignedIn(DeskRoles.Viewer);
        foreach (var query in new[] { Hostile.Script, Hostile.Image, Hostile.Breakout })
        {
            var page = await viewer.Page("/search?q=" + Uri.EscapeDataString(query));
            Hostile.AssertInert(page);
            Assert.Contains(WebUtility.HtmlEncode(query), page);
        }
    }

    [Fact]
    public async Task The_API_answers_a_search_in_JSON_and_a_too_short_one_with_a_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("api search"), ["format"] = "text" }));
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(DeskRoles.Viewer));
        var results = await api.GetFromJsonAsync<JsonElement>("/api/search?q=unemployment", ct);
        Assert.Equal("unemployment", results.GetProperty("query").GetString());
        Assert.Contains(results.GetProperty("claims").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("unemployment", StringComparison.Ordinal));
        var tooShort = await api.GetAsync("/api/search?q=a", ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 2 characters", (await tooShort.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/search?q=" + new string('x', 201), ct)).StatusCode);
    }

    private void AddFactCheck(string key, string claim, string claimant, string url)
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        new EarlierFactChecks(cache).Add(new DeskOptions(_desk.Database, ""),
            new FactCheckRecord(key, claim, Claimant: claimant, Verdict: "False", Url: url, Publisher: "Example Checks"));
    }

    private string Token(string role)
    {
        using var db = new DeskDatabase(new DeskOptions(_desk.Database, ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        return users.AddToken(users.Find(DeskFixture.Account(role))!, "search test");
    }
}

/// <summary>The cases of <see cref="DeskSearchCases"/> on a SQLite file.</summary>
public sealed class DeskSearchTests(DeskFixture desk) : DeskSearchCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskSearchCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskSearchTests(PostgresDeskFixture desk) : DeskSearchCases(desk), IClassFixture<PostgresDeskFixture>;
