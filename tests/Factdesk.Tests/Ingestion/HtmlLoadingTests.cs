using System.Text;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class HtmlLoadingTests : IDisposable
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Bridge claim does not add up | Riverside Checks</title>
          <meta property="og:title" content="Bridge claim does not add up">
          <meta property="og:site_name" content="Riverside Checks">
          <meta property="og:url" content="https://checks.example/bridges-claim">
          <link rel="canonical" href="https://checks.example/2024/bridges-claim">
          <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Riverside Checks"},
              {"@type": "NewsArticle", "headline": "Bridge claim does not add up", "datePublished": "2024-03-05T09:30:00+01:00"},
              {"@type": "ClaimReview", "claimReviewed": "No bridges were built", "reviewRating": {"alternateName": "False"}}
            ]}
          </script>
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/about">About us</a></nav>
          <div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p><button>Accept all</button></div>
          <main>
            <article>
              <h1>Bridge claim does not add up</h1>
              <p>A post shared widely on social media says the county has not built a single new bridge in the past ten years.
                 Council records tell a different story, and the post leaves out several large projects.</p>
              <figure><img src="/img/footbridge.jpg" alt="A footbridge"><figcaption>Workers finish the new footbridge in 2019.</figcaption></figure>
              <p>The council's annual reports list four road bridges and two footbridges finished between 2015 and 2023.
                 A spokesperson confirmed the figures when we asked for them.</p>
              <p>The largest of them, on the eastern bypass, cost £12 million and opened to traffic in the spring of 2021.</p>
              <p>The author of the post did not answer our questions, and the post was later deleted.</p>
            </article>
            <section class="related"><h2>Related</h2>
              <ul><li><a href="/a">Were ferry fares really frozen?</a></li><li><a href="/b">The truth about the toll road</a></li></ul>
            </section>
          </main>
          <footer><p>© 2024 Riverside Checks. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
        </body>
        </html>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Page_gives_its_main_text_and_metadata()
    {
        var document = ArticleLoader.Load(_dir.Write("bridges.html", Page));

        Assert.Equal("Bridge claim does not add up", document.Source.Title);
        Assert.Equal("Riverside Checks", document.Source.Site);
        Assert.Equal("https://checks.example/2024/bridges-claim", document.Source.Url);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), document.Source.Published);
        Assert.Equal("en", document.Source.Language);
        Assert.Contains("Council records tell a different story, and the post leaves out several large projects.", document.Text);
        Assert.Contains("opened to traffic in the spring of 2021.", document.Text);
        Assert.Contains("the post was later deleted.", document.Text);
        Assert.Contains("in the past ten years. Council records", document.Text);
        Assert.DoesNotContain("Workers finish the new footbridge", document.Text);
        Assert.DoesNotContain("cookies", document.Text);
        Assert.DoesNotContain("About us", document.Text);
        Assert.DoesNotContain("ferry fares", document.Text);
        Assert.DoesNotContain("All rights reserved", document.Text);
        Assert.Equal("No bridges were built", (string?)document.ClaimReview?["claimReviewed"]);
    }

    [Fact]
    public void Windows_1251_page_is_decoded_by_its_meta_charset()
    {
        const string russian = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
            <title>Проверка: цены на хлеб</title></head>
            <body><article><h1>Проверка: цены на хлеб</h1>
            <p>В начале года в сети появилось сообщение о том, что хлеб в области подорожал вдвое за один месяц.
               Мы проверили данные статистического ведомства и не нашли подтверждения этим словам.</p>
            <p>По официальным данным, за этот месяц цена буханки выросла только на три процента, и это было
               меньше, чем в соседних регионах.</p>
            </article></body></html>
            """;
        var encoding = CodePagesEncoding("windows-1251");
        var document = ArticleLoader.Load(_dir.Write("bread.html", encoding.GetBytes(russian)));

        Assert.Contains("хлеб в области подорожал вдвое", document.Text);
        Assert.Contains("выросла только на три процента", document.Text);
        Assert.Equal("ru", document.Source.Language);
        Assert.Null(document.Source.Url);
        Assert.Null(document.Source.Published);
    }

    [Fact]
    public void Stdin_like_stream_of_html_is_recognised_without_an_extension()
    {
        using var stream = new NonSeekable(Encoding.UTF8.GetBytes(Page));
        var document = ArticleLoader.Load(stream, "<stdin>", null);
        Assert.Equal("Bridge claim does not add up", document.Source.Title);
        Assert.Contains("four road bridges and two footbridges", document.Text);
    }

    [Fact]
    public void Stdin_like_stream_of_text_stays_text()
    {
        const string text = "Tax claim is wrong\n\nThe minister said taxes fell in every year since 2019. They rose in two of those years, the treasury's own tables show.";
        using var stream = new NonSeekable(Encoding.UTF8.GetBytes(text));
        var document = ArticleLoader.Load(stream, "<stdin>", null);
        Assert.Equal(text, document.Text);
        Assert.Equal("Tax claim is wrong", document.Source.Title);
        Assert.Equal("en", document.Source.Language);
    }

    [Fact]
    public void Utf16_file_with_a_byte_order_mark_is_read()
    {
        const string text = "Die Behauptung ist falsch\n\nDer Minister sagte, dass die Zahl der Arbeitslosen im letzten Jahr gesunken ist. Die Daten der Agentur zeigen das nicht.";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var document = ArticleLoader.Load(_dir.Write("claim.txt", bytes));
        Assert.Equal(text, document.Text);
        Assert.Equal("de", document.Source.Language);
    }

    [Fact]
    public void Short_page_that_is_not_an_article_still_gives_its_text()
    {
        var document = ArticleLoader.Load(_dir.Write("short.htm", "<html><body><nav>Menu</nav><p>The claim is false.</p></body></html>"));
        Assert.Equal("The claim is false.", document.Text);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    /// <summary>Standard input cannot seek, so its length is unknown up front.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
