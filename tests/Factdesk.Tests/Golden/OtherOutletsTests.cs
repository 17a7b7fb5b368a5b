using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Golden;

/// <summary>
/// The same stages on articles in the layouts of other outlets (texts written for these tests): a PolitiFact
/// ruling, a Full Fact "What was claimed / Our verdict" page, an AFP debunk, and a news report with no verdict.
/// </summary>
public sealed class OtherOutletsTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault().Build();

    private static Document Analyse(string fixture) =>
        Pipeline.Process(ArticleLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));

    [Fact]
    public void PolitiFact_ruling_gives_claim_claimant_date_and_rating()
    {
        var doc = Analyse("politifact-style.txt");

        var review = Assert.IsType<ReviewInfo>(doc.Review);
        Assert.Equal("Violent crime in Millbrook has doubled since Ellen Park became mayor.", review.Claim.Text);
        Assert.Equal("Harold Vance", review.Claim.Claimant?.Name);
        Assert.Equal("Republican candidate for mayor of Millbrook", review.Claim.Claimant?.Title);
        Assert.Equal("May 14, 2024", review.Claim.Date);
        Assert.Equal(new Verdict("False", true), review.Verdict);
        Assert.Equal(Stance.Refutes, Assert.Single(review.Sources, s => s.Speaker.Name == "Marcus Lee").Stance);
    }

    [Fact]
    public void PolitiFact_ruling_attributes_split_and_premodified_quotes()
    {
        var doc = Analyse("politifact-style.txt");

        var ruiz = doc.Quotes.Where(q => q.Speaker?.Name == "Dana Ruiz").ToList();
        Assert.Equal(2, ruiz.Count); // "“...,” said police spokeswoman Dana Ruiz. “...”"
        Assert.All(ruiz, q => Assert.Equal("spokeswoman", q.Speaker?.Title));
        Assert.Contains(doc.Quotes, q => q.Speaker?.Name == "Marcus Lee" && q.Text.StartsWith("There is no year", StringComparison.Ordinal));
    }

    [Fact]
    public void Full_Fact_page_reads_the_claim_and_verdict_under_their_headings()
    {
        var doc = Analyse("fullfact-style.txt");

        var review = Assert.IsType<ReviewInfo>(doc.Review);
        Assert.Equal("The average household energy bill has tripled in the last twelve months.", review.Claim.Text);
        Assert.Equal(new Verdict("False", true, Words: "Incorrect"), review.Verdict); // Full Fact's word on the default Polygraph.info scale
        var analyst = Assert.Single(doc.Quotes, q => q.Speaker?.Name == "Priya Natarajan");
        Assert.Equal("energy analyst at the Resolution Centre", analyst.Speaker?.Title);
    }

    [Fact]
    public void AFP_debunk_names_the_posts_as_claimant_and_the_verdict_after_the_claim()
    {
        var doc = Analyse("afp-style.txt");

        var review = Assert.IsType<ReviewInfo>(doc.Review);
        Assert.Equal("a video shows floods sweeping through central Lisbon this week", review.Claim.Text);
        Assert.Equal("Social media posts", review.Claim.Claimant?.Title);
        Assert.Null(review.Claim.Claimant?.Name);
        Assert.Equal(new Verdict("False", true), review.Verdict);
        Assert.Contains(doc.Quotes, q => q.Speaker?.Name == "Rui Matos" && q.Speaker.Title == "agency spokesman");
        Assert.Contains(doc.Entities, e => e.Canonical == "Valencia" && e.Type == EntityType.Location);
    }

    [Fact]
    public void News_report_without_a_verdict_has_quotes_but_no_review()
    {
        var doc = Analyse("plain-news.txt");

        Assert.Null(doc.Review);
        var solberg = doc.Quotes.Where(q => q.Speaker?.Name == "Ingrid Solberg").ToList();
        Assert.Equal(2, solberg.Count); // the direct quote and "She added that ..."
        Assert.Equal("Norwegian Transport Workers' Union", solberg[0].Speaker?.Organization);
        Assert.Equal(2, doc.Quotes.Count(q => q.Speaker?.Name == "Lars Eide"));
        Assert.Contains(doc.Entities, e => e.Text == "NTF" && e.Canonical == "Norwegian Transport Workers' Union");
        Assert.Contains(doc.Claims, c => c.Text.Contains("7% pay rise", StringComparison.Ordinal));
    }
}
