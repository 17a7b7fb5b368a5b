using Factdesk.Documents;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class HtmlMetadataTests
{
    private const string Body = "<p>The harbour master said the northern quay would stay shut for at least three weeks while engineers inspect the seawall.</p>";

    private static SourceInfo Source(string head, string body = Body) =>
        ArticleLoader.FromString($"<html><head>{head}</head><body><article>{body}</article></body></html>", "page.html", html: true).Source;

    [Fact]
    public void The_publication_time_element_dates_a_page_without_meta_tags()
    {
        var source = Source("<title>Quay</title>", "<time datetime='2026-11-24T08:00:00Z'>24 November</time>" + Body);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), source.Published);
    }

    [Fact]
    public void A_time_outside_the_article_does_not_date_it()
    {
        var page = $"<html><body><aside><time datetime='2020-01-01'>old</time></aside><article>{Body}</article></body></html>";
        Assert.Null(ArticleLoader.FromString(page, "page.html", html: true).Source.Published);
    }

    [Fact]
    public void Authors_come_from_json_ld_people_and_names()
    {
        var source = Source("""
            <script type="application/ld+json">
            {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ada Writer"}, "Bo Reporter", {"@type": "Person", "url": "https://x.example/p"}],
             "publisher": {"@type": "Organization", "name": "The Example Gazette"}}
            </script>
            """);
        Assert.Equal(["Ada Writer", "Bo Reporter"], source.Authors);
        Assert.Equal("The Example Gazette", source.Site);
    }

    [Fact]
    public void A_meta_author_is_used_when_there_is_no_json_ld_but_a_profile_url_is_not()
    {
        Assert.Equal(["Lena Okafor"], Source("<meta name='author' content='Lena Okafor'>").Authors);
        Assert.Empty(Source("<meta property='article:author' content='https://facebook.example/lena'>").Authors!);
    }

    [Fact]
    public void A_claim_review_on_the_page_is_kept_as_json()
    {
        var document = ArticleLoader.FromString($$$"""
            <html><head><link rel="canonical" href="https://check.example/quay-claim">
            <script type="application/ld+json">{"@graph": [{"@type": "ClaimReview", "claimReviewed": "The quay was closed for a year.",
              "reviewRating": {"@type": "Rating", "alternateName": "False"}}]}</script></head>
            <body><article>{{{Body}}}</article></body></html>
            """, "check.html", html: true);
        Assert.Equal("The quay was closed for a year.", (string?)document.ClaimReview?["claimReviewed"]);
        Assert.Equal("https://check.example/quay-claim", document.Source.Url);
    }
}
