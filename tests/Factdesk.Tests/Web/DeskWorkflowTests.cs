using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Factdesk.Publishing;
using Factdesk.Web.Accounts;

namespace Factdesk.Tests.Web;

/// <summary>The desk's workflow through its pages: submit, read the dossier, open a check, work on it, decide, publish.</summary>
public abstract partial class DeskWorkflowCases
{
    private readonly DeskFixture _desk;

    protected DeskWorkflowCases(DeskFixture desk)
    {
        desk.RequireStore();
        _desk = desk;
    }

    [Fact]
    public async Task The_example_article_goes_from_submission_to_a_published_fact_check_with_valid_ClaimReview()
    {
        var example = await File.ReadAllTextAsync(TestPaths.Example("polygraph-surovikin-raqqa.txt"), TestContext.Current.CancellationToken);
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = example, ["format"] = "text" }));

        var dossier = await checker.Page($"/articles/{articleId}");
        // Surovikin's words are marked as a quote, labelled with his name and title.
        Assert.Contains("<span class=\"speaker\" data-quote=\"0\">Sergei Surovikin, Commander of Russian forces in Syria</span>", dossier);
        Assert.Matches("<mark class=\"quote[^\"]*\" data-quote=\"0\"[^>]*>Instead of eliminating terrorists", dossier);
        Assert.Contains("class=\"claim", dossier);
        Assert.Contains("Open a check", dossier);

        var claim = SurovikinClaim().Match(dossier).Groups[1].Value;
        var checkId = DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim }));
        // Opening the same claim again leads to the same check.
        Assert.Equal(checkId, DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim })));

        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/assign", new() { ["assignee"] = DeskFixture.Checker })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "researching" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/evidence",
            new() { ["url"] = "https://www.inherentresolve.mil/", ["note"] = "Coalition statement on the Raqqa offensive" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/comments", new() { ["text"] = "Townsend's statements contradict this." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "in-review" })).StatusCode);
        // A fact-checker cannot decide the verdict or publish: the desk sends them to the "not allowed" page.
        Assert.Equal("/denied", (await checker.Post($"/checks/{checkId}/publish", [])).Headers.Location!.AbsolutePath);

        using var editor = await _desk.SignedIn(DeskRoles.Editor);
        var publishTooEarly = await editor.Post($"/checks/{checkId}/publish", []);
        Assert.Equal(HttpStatusCode.Conflict, publishTooEarly.StatusCode);
        Assert.Contains("Pick a verdict", await DeskClient.Body(publishTooEarly));
        var notOnScale = await editor.Post($"/checks/{checkId}/verdict", new() { ["verdict"] = "Pants on Fire!", ["summary"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, notOnScale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Post($"/checks/{checkId}/verdict", new()
        {
            ["verdict"] = "False",
            ["summary"] = "The coalition and the SDF fought for Raqqa; no deal let IS fighters leave.",
            ["analysis"] = "## What the coalition said\n\nSee the [statement](https://www.inherentresolve.mil/).",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Post($"/checks/{checkId}/publish", [])).StatusCode);

        var checkPage = await editor.Page($"/checks/{checkId}");
        foreach (var action in new[] { "check opened", "assigned", "status changed", "evidence added", "commented", "verdict set", "published" })
            Assert.Contains($"<td>{action}</td>", checkPage);
        Assert.Contains("<td>editor</td><td>published</td>", checkPage);
        Assert.Contains("Suggested verdict: <strong>False</strong>", checkPage);

        // The public page needs no sign-in and carries a ClaimReview that passes the validator without errors.
        using var reader = _desk.Client();
        var published = await reader.Page($"/site/checks/{checkId}.html");
        var json = JsonLd().Match(published).Groups[1].Value;
        var review = (JsonObject)JsonNode.Parse(json)!;
        Assert.DoesNotContain(ClaimReviewValidator.Validate(review), f => f.Severity == FindingSeverity.Error);
        Assert.Equal("False", review["reviewRating"]!["alternateName"]!.GetValue<string>());
        Assert.Equal($"http://localhost/site/checks/{checkId}.html", review["url"]!.GetValue<string>());
        Assert.Equal("Sergei Surovikin", review["itemReviewed"]!["author"]!["name"]!.GetValue<string>());
        Assert.Contains("<h4>What the coalition said</h4>", published);
        // The rest of the public site is written with it: the index links the page, the data feed carries its ClaimReview.
        Assert.Contains($"href=\"checks/{checkId}.html\"", await reader.Page("/site/index.html"));
        Assert.Contains($"/site/checks/{checkId}.html", await reader.Page("/site/datafeed.json"));
        Assert.Equal(HttpStatusCode.OK, (await reader.Get("/site/site.css")).StatusCode);

        // Published is final.
        Assert.Equal(HttpStatusCode.Conflict, (await editor.Post($"/checks/{checkId}/verdict", new() { ["verdict"] = "True", ["summary"] = "changed" })).StatusCode);
    }

    [Fact]
    public async Task An_unpublished_check_has_no_public_page()
    {
        using var reader = _desk.Client();
        var response = await reader.Get("/site/checks/999.html");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Get("/site/checks/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_a_sentence()
    {
        using var checker = await _desk.SignedIn(DeskRoles.FactChecker);
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("order"), ["format"] = "text" }));
        var claim = ClaimField().Match(await checker.Page($"/articles/{articleId}")).Groups[1].Value;
        var checkId = DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim }));
        var skip = await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "in-review" });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("A check that is New cannot be moved to In review.", await DeskClient.Body(skip));
        var publish = await checker.Post($"/checks/{checkId}/status", new() { ["status"] = "published" });
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        var missing = await checker.Post("/checks/424242/comments", new() { ["text"] = "hello" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("There is no check 424242.", await DeskClient.Body(missing));
        var empty = await checker.Post($"/checks/{checkId}/comments", new() { ["text"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var badLink = await checker.Post($"/checks/{checkId}/evidence", new() { ["url"] = "javascript:alert(1)", ["note"] = "n" });
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
    }

    [GeneratedRegex("name=\"claim\" value=\"(\\d+)\"")]
    internal static partial Regex ClaimField();

    [GeneratedRegex("<li><a href=\"#claim-(\\d+)\">[^<]*Instead of eliminating terrorists")]
    private static partial Regex SurovikinClaim();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}

/// <summary>The cases of <see cref="DeskWorkflowCases"/> on a SQLite file.</summary>
public sealed class DeskWorkflowTests(DeskFixture desk) : DeskWorkflowCases(desk), IClassFixture<DeskFixture>;

/// <summary>The cases of <see cref="DeskWorkflowCases"/> on PostgreSQL.</summary>
public sealed class PostgresDeskWorkflowTests(PostgresDeskFixture desk) : DeskWorkflowCases(desk), IClassFixture<PostgresDeskFixture>;
