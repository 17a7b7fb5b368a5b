using System.Text.Json.Nodes;
using Factdesk.Documents;
using Factdesk.Publishing;

namespace Factdesk.Tests.Publishing;

public sealed class ClaimReviewTests
{
    private static readonly ReviewInfo Review = new(
        new ReviewedClaim("Crime in Millbrook has doubled since 2021.", new Speaker("Harold Vance", "candidate for mayor", null), "May 14, 2024"),
        new Verdict("False", true),
        []);

    private static readonly SourceInfo Page = new(null, "https://factcheck.example/crime", "Crime did not double", "Example Checks", new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero));

    private static JsonObject Built() => ClaimReviewBuilder.Build(Review, Page, RatingScales.Default, claimantIsPerson: true)!;

    [Fact]
    public void Built_review_puts_the_verdict_in_the_rating_on_the_scale()
    {
        var review = Built();

        Assert.Equal("ClaimReview", (string?)review["@type"]);
        Assert.Equal("Crime in Millbrook has doubled since 2021.", (string?)review["claimReviewed"]);
        Assert.Equal("False", (string?)review["reviewRating"]!["alternateName"]);
        Assert.Equal(1, (int?)review["reviewRating"]!["ratingValue"]);
        Assert.Equal(8, (int?)review["reviewRating"]!["bestRating"]);
        Assert.Equal("Person", (string?)review["itemReviewed"]!["author"]!["@type"]);
        Assert.Equal("candidate for mayor", (string?)review["itemReviewed"]!["author"]!["jobTitle"]);
        Assert.Equal("2024-05-14", (string?)review["itemReviewed"]!["datePublished"]);
        Assert.Equal("2024-05-20", (string?)review["datePublished"]);
    }

    [Fact]
    public void Built_review_passes_validation_without_errors_or_warnings() =>
        Assert.Empty(ClaimReviewValidator.Validate(Built()));

    [Fact]
    public void Nothing_is_built_without_a_verdict() =>
        Assert.Null(ClaimReviewBuilder.Build(Review with { Verdict = null }, Page, RatingScales.Default, true));

    private static IReadOnlyList<ClaimReviewFinding> Validate(Action<JsonObject> change)
    {
        var review = Built();
        change(review);
        return ClaimReviewValidator.Validate(review);
    }

    private static void AssertError(IReadOnlyList<ClaimReviewFinding> findings, string path) =>
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.Path == path);

    [Fact]
    public void Missing_alternate_name_is_an_error() =>
        AssertError(Validate(r => r["reviewRating"]!.AsObject().Remove("alternateName")), "$.reviewRating.alternateName");

    [Fact]
    public void Worst_rating_below_one_is_an_error() =>
        AssertError(Validate(r => r["reviewRating"]!["worstRating"] = 0), "$.reviewRating.worstRating");

    [Fact]
    public void Best_rating_not_above_worst_is_an_error() =>
        AssertError(Validate(r => r["reviewRating"]!["bestRating"] = 1), "$.reviewRating.bestRating");

    [Fact]
    public void Rating_value_outside_the_range_is_an_error() =>
        AssertError(Validate(r => r["reviewRating"]!["ratingValue"] = 9), "$.reviewRating.ratingValue");

    [Fact]
    public void The_verdict_inside_claimReviewed_is_an_error() =>
        AssertError(Validate(r => r["claimReviewed"] = "False: crime in Millbrook has doubled"), "$.claimReviewed");

    [Fact]
    public void A_long_claimReviewed_is_a_warning_only()
    {
        var findings = Validate(r => r["claimReviewed"] = new string('x', 60) + " has doubled in the city since the year 2021 began");

        var finding = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("$.claimReviewed", finding.Path);
    }

    [Fact]
    public void A_relative_url_and_a_bad_date_are_errors()
    {
        var findings = Validate(r =>
        {
            r["url"] = "/crime";
            r["datePublished"] = "last Tuesday";
        });
        AssertError(findings, "$.url");
        AssertError(findings, "$.datePublished");
    }

    [Fact]
    public void The_claim_author_must_be_a_person_or_organisation() =>
        AssertError(Validate(r => r["itemReviewed"]!["author"]!["@type"] = "Thing"), "$.itemReviewed.author.@type");

    [Fact]
    public void Reviews_are_found_in_arrays_graphs_and_html_pages()
    {
        var json = Built().ToJsonString();
        Assert.Single(ClaimReviewSources.FromJson(json, "one.json", "$"));
        Assert.Equal("$[1]", ClaimReviewSources.FromJson($"[{{\"@type\":\"WebPage\"}}, {json}]", "list.json", "$")[0].Path);
        Assert.Equal("$.@graph[0]", ClaimReviewSources.FromJson($"{{\"@graph\": [{json}]}}", "graph.json", "$")[0].Path);

        var html = $"<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\"}}</script>" +
                   $"<script type=\"application/ld+json\">{json}</script></head><body>text</body></html>";
        Assert.Equal("script[1]$", Assert.Single(ClaimReviewSources.FromHtml(html, "page.html")).Path);
    }
}
