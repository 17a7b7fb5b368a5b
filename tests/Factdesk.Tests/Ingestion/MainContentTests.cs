using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class MainContentTests
{
    private const string First =
        "The harbour master said on Tuesday that the northern quay would stay shut for at least three weeks, while engineers inspect the seawall.";
    private const string Second =
        "Fishing boats have moved to the southern basin, where queues formed before dawn, and several skippers said they had lost a day's catch.";
    private const string Third =
        "The council will vote on funding next month, after the engineers report, and repairs could start before the winter storms.";

    private static string Text(string body) =>
        ArticleLoader.FromString($"<html><head><title>Quay</title></head><body>{body}</body></html>", "page.html", html: true).Text;

    [Fact]
    public void The_article_wins_over_navigation_teasers_and_comments()
    {
        var text = Text($"""
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
            <div class="story"><h1>Quay shut</h1><p>{First}</p><p>{Second}</p><p>{Third}</p></div>
            <div class="comments"><p>I always said that wall would go, and nobody listened to me, not once, in ten years.</p></div>
            <ul class="teasers"><li><a href="/a">Ferry fares frozen again for the winter season</a></li><li><a href="/b">New lighthouse keeper appointed</a></li></ul>
            """);
        Assert.Equal($"{First}\n\n{Second}\n\n{Third}", text);
    }

    [Fact]
    public void Loose_text_split_by_line_breaks_is_read_as_paragraphs()
    {
        var text = Text($"""
            <div class="sidebar-links"><a href="/a">Archive</a> <a href="/b">About</a></div>
            <div class="post-body"><div class="separator"><img src="/quay.jpg"></div>{First}<br><br>{Second}<br><br>{Third}</div>
            """);
        Assert.Contains(First, text);
        Assert.Contains(Second, text);
        Assert.Contains(Third, text);
        Assert.DoesNotContain("Archive", text);
    }

    [Fact]
    public void An_article_inside_a_wrapper_named_like_a_sidebar_is_still_found()
    {
        var text = Text($"""
            <div class="container right-sidebar"><div class="entry"><p>{First}</p><p>{Second}</p><p>{Third}</p></div></div>
            <div class="cookie-popup"><p>We value your privacy, and we use cookies to make this site work for you.</p></div>
            """);
        Assert.Equal($"{First}\n\n{Second}\n\n{Third}", text);
    }

    [Fact]
    public void A_link_list_inside_the_article_goes_but_a_list_of_facts_stays()
    {
        var text = Text($"""
            <article><p>{First}</p>
            <ul><li>Four road bridges were finished between 2015 and 2023.</li><li>Two footbridges opened in 2019.</li></ul>
            <p>{Second}</p>
            <div class="more"><a href="/a">Seawall repairs in pictures</a> <a href="/b">How the old quay was built</a></div>
            <p>{Third}</p></article>
            """);
        Assert.Contains("Two footbridges opened in 2019.", text);
        Assert.DoesNotContain("Seawall repairs in pictures", text);
        Assert.Contains(Third, text);
    }

    [Fact]
    public void Hidden_parts_and_the_headline_are_left_out()
    {
        var text = Text($"""
            <main><h1>Quay shut for three weeks</h1>
            <p>{First}</p><p style="display: none">Please enable JavaScript to read this page, or switch browsers.</p>
            <p>{Second}</p><div hidden><p>Subscribe to read more stories like this one, every single morning.</p></div><p>{Third}</p></main>
            """);
        Assert.Equal($"{First}\n\n{Second}\n\n{Third}", text);
    }

    [Fact]
    public void The_title_tag_loses_the_site_name()
    {
        var document = ArticleLoader.FromString(
            $"<html><head><title>Quay shut for three weeks | Westmere Courier</title></head><body><article><p>{First}</p></article></body></html>",
            "page.html", html: true);
        Assert.Equal("Quay shut for three weeks", document.Source.Title);
    }
}
