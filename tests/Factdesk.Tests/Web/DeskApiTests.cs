using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Factdesk.Publishing;
using Factdesk.Web.Accounts;

namespace Factdesk.Tests.Web;

/// <summary>The REST API with a token made on the account page, and the OpenAPI document that describes it.</summary>
public abstract partial class DeskApiCases
{
    private readonly DeskFixture _desk;

    protected DeskApiCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task A_token_from_the_account_page_drives_the_workflow_through_the_API()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewToken(DeskRoles.Editor));

        var submitted = await api.PostAsJsonAsync("/api/articles", new { text = Hostile.Article("api"), format = "text" }, ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var articleId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var again = await api.PostAsJsonAsync("/api/articles", new { text = Hostile.Article("api"), format = "text" }, ct);
        Assert.Equal("already stored", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString());

        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}", ct);
        Assert.Contains(Hostile.Script, dossier.GetProperty("text").GetString());
        Assert.True(dossier.GetProperty("claims").GetArrayLength() > 0);

        var opened = await api.PostAsJsonAsync("/api/checks", new { articleId, claim = 0 }, ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var checkId = (await opened.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/checks/{checkId}/status", new { status = "researching" }, ct)).StatusCode);
        var skipped = await api.PostAsJsonAsync($"/api/checks/{checkId}/publish", new { }, ct);
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Contains("In review", (await skipped.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/checks/{checkId}/status", new { status = "in-review" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/checks/{checkId}/comments", new { text = "Checked with the statistics office." }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/checks/{checkId}/verdict",
            new { verdict = "Misleading", summary = "The rise was 1.2 points, not 12 percent." }, ct)).StatusCode);
        var published = await api.PostAsJsonAsync($"/api/checks/{checkId}/publish", new { }, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publication = await published.Content.ReadFromJsonAsync<JsonElement>(ct);
        var review = System.Text.Json.Nodes.JsonNode.Parse(publication.GetProperty("claimReview").GetRawText())!.AsObject();
        Assert.DoesNotContain(ClaimReviewValidator.Validate(review), f => f.Severity == FindingSeverity.Error);

        // The hostile claim is on the public page as text, in the page and in its JSON-LD.
        using var reader = _desk.Client();
        var page = await reader.Page($"/site/checks/{checkId}.html");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/checks/{checkId}", ct);
        Assert.Equal("published", detail.GetProperty("check").GetProperty("status").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("userName").GetString() == DeskRoles.Editor && h.GetProperty("action").GetString() == "published");
    }

    [Fact]
    public async Task A_published_check_is_found_as_an_earlier_fact_check_of_the_same_claim_in_another_article()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewToken(DeskRoles.Editor));
        var first = await OpenCheck(api, Hostile.Article("earlier-a"));
        foreach (var status in new[] { "researching", "in-review" })
            await api.PostAsJsonAsync($"/api/checks/{first}/status", new { status }, ct);
        await api.PostAsJsonAsync($"/api/checks/{first}/verdict", new { verdict = "False", summary = "The bridge cost 4 million." }, ct);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/checks/{first}/publish", new { }, ct)).StatusCode);

        var second = await OpenCheck(api, Hostile.Article("earlier-b") + "\nA second report repeats the figure.\n");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/checks/{second}", ct);
        var claim = detail.GetProperty("check").GetProperty("claim").GetString();
        var earlier = detail.GetProperty("earlier").EnumerateArray().ToList();
        Assert.Contains(earlier, e => e.GetProperty("claim").GetString() == claim && e.GetProperty("verdict").GetString() == "False"
                                      && e.GetProperty("publisher").GetString() == "Desk Tests" && e.GetProperty("level").GetString() == "confident");
        // The check itself, once published, does not list itself.
        var own = await api.GetFromJsonAsync<JsonElement>($"/api/checks/{first}", ct);
        Assert.DoesNotContain(own.GetProperty("earlier").EnumerateArray(), e => e.GetProperty("url").GetString()!.EndsWith($"/site/checks/{first}.html", StringComparison.Ordinal));
    }

    private static async Task<long> OpenCheck(HttpClient api, string article)
    {
        var ct = TestContext.Current.CancellationToken;
        var submitted = await api.PostAsJsonAsync("/api/articles", new { text = article, format = "text" }, ct);
        var articleId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var opened = await api.PostAsJsonAsync("/api/checks", new { articleId, claim = 0 }, ct);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Bad_API_input_gets_a_sentence_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewToken(DeskRoles.FactChecker));
        var empty = await api.PostAsJsonAsync("/api/articles", new { text = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text\" is required", (await empty.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
        var missing = await api.GetAsync("/api/checks/31337", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no check 31337.", (await missing.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_not_the_pages()
    {
        using var client = _desk.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal("Factdesk desk API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/checks/{id}/publish", paths);
        Assert.Contains("/api/articles", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_no_one_revokes_another_users_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var viewer = await _desk.SignedIn(DeskRoles.Viewer);
        var page = await DeskClient.Body(await viewer.Post("/account/tokens", new() { ["name"] = "to revoke" }));
        var secret = TokenText().Match(page).Groups[1].Value;
        var tokenId = RevokeForm().Match(page).Groups[1].Value;
        using var api = _desk.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/checks", ct)).StatusCode);

        using var other = await _desk.SignedIn(DeskRoles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Post($"/account/tokens/{tokenId}/revoke", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/checks", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await viewer.Post($"/account/tokens/{tokenId}/revoke", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/checks", ct)).StatusCode);
        Assert.DoesNotContain("to revoke", await viewer.Page("/account"));
    }

    [GeneratedRegex("action=\"/account/tokens/(\\d+)/revoke\"")]
    private static partial Regex RevokeForm();

    /// <summary>Makes a token as a user would: on the account page, where it is shown once.</summary>
    private async Task<string> NewToken(string role)
    {
        using var client = await _desk.SignedIn(role);
        var page = await DeskClient.Body(await client.Post("/account/tokens", new() { ["name"] = "api test" }));
        return TokenText().Match(page).Groups[1].Value;
    }

    [GeneratedRegex("<code class=\"token\">(fdk_[0-9a-f]+)</code>")]
    private static partial Regex TokenText();
}

/// <summary>The cases of <see cref="DeskApiCases"/> on a SQLite file.</summary>
public sealed class DeskApiTests(DeskFixture desk) : DeskApiCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskApiCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskApiTests(PostgresDeskFixture desk) : DeskApiCases(desk), IClassFixture<PostgresDeskFixture>;
