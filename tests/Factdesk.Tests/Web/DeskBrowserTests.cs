using System.Text.Json.Nodes;
using Factdesk.Publishing;
using Factdesk.Web;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Factdesk.Tests.Web;

/// <summary>
/// The desk in a real browser (Debian's chromium through Playwright) on a real port: sign in, submit the example
/// article, see Surovikin's quote marked with his name and title, open a check, decide False, publish, and find a
/// valid ClaimReview on the public page, then find the check by search. Scripts run under the desk's CSP, so htmx is exercised as users meet it.
/// Screenshots of each page are kept beside the test binaries (docs/screenshots has copies).
/// </summary>
public sealed class DeskBrowserTests : IAsyncLifetime
{
    private const string Password = "browser test password";

    private readonly TempDirectory _temp = new();
    private WebApplication? _app;
    private string _base = "";
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        var database = _database = _temp.File("desk.db");
        using (var db = new DeskDatabase(new DeskOptions(database, ""), TimeProvider.System))
            new UserStore(db, new AuditLog(db)).Add("ada", DeskRoles.Admin, Password, Actor.CommandLine);
        _app = DeskHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration["Desk:Database"] = database;
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Sign_in_submit_the_example_check_a_claim_and_publish_it_in_a_browser()
    {
        Chromium.SkipUnlessInstalled();
        var example = TestPaths.Example("polygraph-surovikin-raqqa.txt");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Publishing loads the sentence encoder and writes the site; on a shared machine running the other test
        // classes at once that alone can pass Playwright's default 30 s.
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"{_base}/login");
        await Shot(page, "login");
        await page.GetByLabel("Name").FillAsync("ada");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"{_base}/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Submit an article" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(example);
        await Shot(page, "submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse the article" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+$"));

        var label = page.Locator(".article-text .speaker", new() { HasTextString = "Sergei Surovikin, Commander of Russian forces in Syria" }).First;
        Assert.True(await label.IsVisibleAsync());
        var quote = page.Locator($"mark.quote[data-quote=\"{await label.GetAttributeAsync("data-quote")}\"]").First;
        Assert.StartsWith("Instead of eliminating terrorists", await quote.InnerTextAsync());
        Assert.Equal("rgb(255, 241, 168)", await quote.EvaluateAsync<string>("q => getComputedStyle(q).backgroundColor"));
        await Shot(page, "dossier");

        await page.Locator("ol.claims li", new() { HasTextString = "Instead of eliminating terrorists" }).GetByRole(AriaRole.Button, new() { Name = "Open a check" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/checks/\\d+$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Researching" }).ClickAsync();
        await page.Locator("#comment").FillAsync("The coalition's own statements say the opposite.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        // htmx swaps the comments in place; the comment form is the one part of the page that changes.
        await page.Locator("#comments .comment", new() { HasTextString = "opposite" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to In review" }).ClickAsync();
        await page.GetByLabel("Verdict on the").SelectOptionAsync("False");
        await page.GetByLabel("Summary (plain text)").FillAsync("No deal let Islamic State fighters leave Raqqa; the coalition and the SDF fought for the city.");
        await page.GetByLabel("Analysis (Markdown)").FillAsync("## The coalition's account\n\nThe offensive on Raqqa began on 6 June.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the verdict" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        Assert.Equal("Published", await page.Locator("#status").InnerTextAsync());
        await Shot(page, "check");

        await page.GetByRole(AriaRole.Link, new() { Name = "the public page" }).ClickAsync();
        var json = await page.Locator("script[type=\"application/ld+json\"]").TextContentAsync();
        var review = (JsonObject)JsonNode.Parse(json!)!;
        Assert.DoesNotContain(ClaimReviewValidator.Validate(review), f => f.Severity == FindingSeverity.Error);
        Assert.Equal("False", review["reviewRating"]!["alternateName"]!.GetValue<string>());
        Assert.Equal("False", await page.GetByRole(AriaRole.Region, new() { Name = "Verdict" }).Locator(".badge").InnerTextAsync());
        await Shot(page, "published");

        await page.GotoAsync($"{_base}/checks");
        await Shot(page, "checks");

        // The published check is found by the search in the header, among the claims of the article.
        await page.GotoAsync($"{_base}/search");
        await page.GetByLabel("Search claims, fact-checks and claimants").FillAsync("eliminating terrorists");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.True(await page.Locator("#found-checks + ul a", new() { HasTextString = "Instead of eliminating terrorists" }).IsVisibleAsync());
        await Shot(page, "search");
        await page.GotoAsync($"{_base}/statuses");
        await Shot(page, "statuses");
        await page.GotoAsync($"{_base}/users");
        await Shot(page, "users");

        // Two alerts as a monitoring worker records them: one on the claim now checked, one on another claim of the article.
        var articleId = RecordAlerts();
        await page.GotoAsync($"{_base}/alerts");
        Assert.True(await page.Locator(".alerts li", new() { HasTextString = "Instead of eliminating terrorists" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Check \\d+$") }).IsVisibleAsync());
        await Shot(page, "alerts");
        await page.Locator(".alerts li").First.GetByRole(AriaRole.Button, new() { Name = "Open a check" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/checks/\\d+$"));
        Assert.Contains($"/articles/{articleId}", await page.Locator("main").InnerHTMLAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Without_JavaScript_every_step_still_works_by_plain_form_posts()
    {
        Chromium.SkipUnlessInstalled();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{_base}/login");
        await page.GetByLabel("Name").FillAsync("ada");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"{_base}/articles/new");
        await page.GetByLabel("Paste the article").FillAsync(Hostile.Article("no-js"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse the article" }).ClickAsync();
        // The article's script tag is on the page as words, not as an element.
        Assert.Contains(Hostile.Script, await page.Locator(".article-text").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".article-text script, .article-text img").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a check" }).First.ClickAsync();
        await page.Locator("#comment").FillAsync("Posted without JavaScript.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        Assert.Equal("Posted without JavaScript.", await page.Locator("#comments .comment").Last.InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Researching" }).ClickAsync();
        Assert.Equal("Researching", await page.Locator("#status").InnerTextAsync());
    }

    /// <summary>Records two alerts on the one article through the SQLite alert store; returns the article's id.</summary>
    private long RecordAlerts()
    {
        float[] vector = [1f, .. new float[Factdesk.Matching.SentenceEncoder.Dimensions - 1]];
        (string Key, string Claim)[] earlier =
        [
            ("browser:raqqa", "The US-led coalition let Islamic State fighters leave Raqqa instead of fighting them"),
            ("browser:other", "Russian strikes in Syria only ever hit terrorist targets"),
        ];
        using (var facts = Factdesk.Storage.SqliteFactCheckStore.Open(_database))
            facts.AddAll(earlier.Select(e => new Factdesk.Storage.FactCheckRecord(e.Key, e.Claim, Verdict: "False",
                Url: $"https://factcheck.example.org/{e.Key[8..]}", Publisher: "Example Checks", Embedding: vector)).ToList());
        using var db = new DeskDatabase(new DeskOptions(_database, ""), TimeProvider.System);
        long IdOf(string key)
        {
            using var select = db.Command($"SELECT id FROM fact_checks WHERE source_key = '{key}'");
            return (long)select.ExecuteScalar()!;
        }
        using var dossier = db.Command("SELECT article_id, json FROM dossiers ORDER BY article_id LIMIT 1");
        using var row = dossier.ExecuteReader();
        row.Read();
        var articleId = row.GetInt64(0);
        var claims = JsonNode.Parse(row.GetString(1))!["claims"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).ToList();
        var checkedClaim = claims.First(c => c.Contains("Instead of eliminating terrorists", StringComparison.Ordinal));
        using var alerts = Factdesk.Storage.SqliteAlertStore.Open(_database);
        alerts.Finish(articleId, [
            new(IdOf("browser:raqqa"), checkedClaim, earlier[0].Claim, "False", "https://factcheck.example.org/raqqa", 0.87),
            new(IdOf("browser:other"), claims.First(c => c != checkedClaim), earlier[1].Claim, "False", "https://factcheck.example.org/other", 0.81),
        ]);
        return articleId;
    }

    private static async Task Shot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"desk-{name}.png"), FullPage = true });
    }
}
