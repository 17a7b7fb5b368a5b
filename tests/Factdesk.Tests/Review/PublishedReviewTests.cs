using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Review;

/// <summary>A page that carries its own ClaimReview JSON-LD: the publisher's claim, claimant and rating win.</summary>
public sealed class PublishedReviewTests
{
    private const string Page = """
        <!doctype html><html lang="en"><head><title>Fact check: bridge closure</title>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/bridge",
         "claimReviewed": "The Harbour Bridge will close for two years from March.",
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Dana Holt", "jobTitle": "city councillor"}, "datePublished": "2025-02-03"},
         "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 6, "worstRating": 1, "alternateName": "Mostly False"}}
        </script></head><body><article><h1>Fact check: bridge closure</h1>
        <p>City councillor Dana Holt said on Monday that the Harbour Bridge would shut for two years, a claim repeated widely online.</p>
        <p>The transport department said the works would close one lane for six weeks. “Nothing like a two-year closure is planned,” said department spokesman Ravi Patel.</p>
        <p>Engineers who reviewed the plans agreed that a full closure was never proposed, and the council minutes mention only lane works.</p>
        </article></body></html>
        """;

    [Fact]
    public void The_pages_ClaimReview_gives_claim_claimant_and_verdict()
    {
        using var temp = new TempDirectory();
        var doc = PipelineBuilder.CreateDefault().Build().Process(ArticleLoader.Load(temp.Write("bridge.html", Page)));

        var review = Assert.IsType<ReviewInfo>(doc.Review);
        Assert.Equal("The Harbour Bridge will close for two years from March.", review.Claim.Text);
        Assert.Equal(new Speaker("Dana Holt", "city councillor", null), review.Claim.Claimant);
        Assert.Equal("2025-02-03", review.Claim.Date);
        Assert.Equal(new Verdict("Likely False", true, Words: "Mostly False"), review.Verdict); // on the default Polygraph.info scale
        Assert.Contains(review.Sources, s => s.Speaker.Name == "Dana Holt" && s.Stance == Stance.Supports); // the claimant, matched by name
        Assert.Equal("https://checks.example/bridge", (string?)doc.ClaimReview!["url"]); // the publisher's own JSON-LD is kept
    }
}
