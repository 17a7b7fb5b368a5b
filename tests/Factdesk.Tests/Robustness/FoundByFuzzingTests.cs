using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;
using Factdesk.Publishing;

namespace Factdesk.Tests.Robustness;

/// <summary>Inputs the property runs found crashing a parser, kept as regression tests (docs/ROBUSTNESS.md lists them).</summary>
public sealed class FoundByFuzzingTests
{
    [Theory]
    [InlineData("T1\tSource 0 ue\tPat")]
    [InlineData("T1\tspeaking of")]
    [InlineData("T1\tCue -3 5\tsaid")]
    public void A_malformed_brat_span_is_an_input_error_naming_the_file_and_line(string line)
    {
        var error = Assert.Throws<InputException>(() => BratAttributions.Parse("E1\tAttribution:T1\n" + line + "\n", "article.ann"));
        Assert.Equal("article.ann", error.Input);
        Assert.StartsWith("line 2: ", error.Problem);
    }

    [Fact]
    public void Json_with_an_unpaired_surrogate_is_an_input_error_not_an_argument_exception()
    {
        var error = Assert.Throws<InputException>(() => ClaimReviewSources.FromJson("{\"claimReviewed\": \"\ude00\"}", "reviews.json", "$"));
        Assert.Contains("unpaired UTF-16 surrogate", error.Problem);
    }

    [Fact]
    public void A_page_whose_json_ld_holds_an_unpaired_surrogate_still_loads_without_it()
    {
        var html = "<html><head><title>Quay closed</title><script type=\"application/ld+json\">{\"headline\": \"\ud800\"}</script></head>" +
                   "<body><article><p>The harbour master closed the northern quay on Tuesday after inspectors found cracks.</p></article></body></html>";
        Assert.Contains("northern quay", ArticleLoader.FromString(html, "page.html", html: true).Text);
    }

    [Fact]
    public void ClaimReview_json_with_a_duplicate_key_is_an_input_error_naming_the_file()
    {
        var error = Assert.Throws<InputException>(() =>
            ClaimReviewSources.FromJson("""{"@type": "ClaimReview", "claimReviewed": "One.", "claimReviewed": "Two."}""", "reviews.json", "$"));
        Assert.Equal("reviews.json", error.Input);
        Assert.Contains("claimReviewed", error.Problem);
    }

    [Fact]
    public void A_page_whose_json_ld_repeats_a_key_still_loads_without_it()
    {
        var html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A", "headline": "B", "author": {"name": "X"}}</script></head>""" +
                   "<body><article><p>The harbour master closed the northern quay on Tuesday after inspectors found cracks.</p></article></body></html>";
        Assert.Contains("northern quay", ArticleLoader.FromString(html, "page.html", html: true).Text);
    }

    [Fact]
    public void A_json_line_with_an_unpaired_surrogate_is_one_failed_item_and_the_next_line_still_loads()
    {
        var items = JsonLinesItems.Read("{\"text\": \"\ud800\"}\n{\"text\": \"The quay reopened on Friday, the harbour master said.\"}\n", "feed.jsonl").ToList();

        var error = Assert.Throws<InputException>(() => items[0].Load());
        Assert.Equal("feed.jsonl line 1", error.Input);
        Assert.Contains("unpaired UTF-16 surrogate", error.Problem);
        Assert.Contains("quay reopened", items[1].Load().Text);
    }
}
