using System.IO.Compression;
using System.Text;
using Factdesk.FactChecks;
using Factdesk.Ingestion;

namespace Factdesk.Tests.FactChecks;

public sealed class FactCheckFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    internal const string TwoReviews = """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "ClaimReview", "url": "https://checks.example/bridge", "claimReviewed": "The Elm Street bridge has been closed for ten years.",
           "datePublished": "2026-10-02T08:00:00Z", "headline": "No, the bridge was not closed for a decade", "inLanguage": "en",
           "author": {"@type": "Organization", "name": "Example Checks"},
           "itemReviewed": {"@type": "Claim", "datePublished": "2026-09-28",
              "author": {"@type": "Person", "name": "Dana Mayor", "jobTitle": "mayor of Elmtown"}},
           "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": 5, "worstRating": 1, "alternateName": "False"},
           "description": "It closed for two years.", "reviewBody": "The council's [minutes](https://council.example/m) give the dates."},
          {"@type": "ClaimReview", "url": "https://checks.example/bridge", "claimReviewed": "Repairs cost forty million dollars.",
           "author": [{"@type": "Organization", "name": "Example Checks"}],
           "reviewRating": {"@type": "Rating", "alternateName": "Half true"}},
          {"@type": "WebPage", "name": "not a review"}
        ]}
        """;

    [Fact]
    public void ClaimReview_fields_are_read_and_a_page_with_two_reviews_gives_two_keys()
    {
        var (format, items) = FactCheckFiles.Read(_temp.Write("reviews.json", TwoReviews));
        Assert.Equal("ClaimReview JSON-LD", format);
        Assert.Equal(2, items.Count);
        var first = items[0].Record!;
        Assert.Equal(("The Elm Street bridge has been closed for ten years.", "No, the bridge was not closed for a decade"), (first.Claim, first.Title));
        Assert.Equal(("Dana Mayor", "mayor of Elmtown", "2026-09-28"), (first.Claimant, first.ClaimantTitle, first.ClaimDate));
        Assert.Equal(("False", 1.0, 5.0, 1.0), (first.Verdict, first.RatingValue, first.BestRating, first.WorstRating));
        Assert.Equal(("Example Checks", "en", "2026-10-02"), (first.Publisher, first.Language, first.ReviewDate));
        Assert.Contains("Elm Street", first.ClaimReviewJson);
        Assert.Equal(("It closed for two years.", "The council's [minutes](https://council.example/m) give the dates."), (first.Summary, first.Analysis));
        Assert.Equal((null, null), (items[1].Record!.Summary, items[1].Record!.Analysis));
        Assert.Equal("Example Checks", items[1].Record!.Publisher);
        Assert.NotEqual(first.SourceKey, items[1].Record!.SourceKey);
        Assert.Equal("$.@graph[0]", items[0].Location);
    }

    [Fact]
    public void ClaimReview_in_an_html_page_is_found()
    {
        var page = $"""<html><head><script type="application/ld+json">{TwoReviews}</script></head><body><p>Text</p></body></html>""";
        var (format, items) = FactCheckFiles.Read(_temp.Write("page.html", page));
        Assert.Equal("ClaimReview in HTML", format);
        Assert.Equal(2, items.Count(i => i.Record is not null));
    }

    [Fact]
    public void Reviews_missing_the_claim_or_any_identity_are_failed_with_a_reason()
    {
        var json = """
            [{"@type": "ClaimReview", "url": "https://checks.example/a"},
             {"@type": "ClaimReview", "claimReviewed": "Nobody knows where this came from."},
             {"@type": ["ClaimReview"], "identifier": "own-7", "claimReviewed": "Fine."}]
            """;
        var (_, items) = FactCheckFiles.Read(_temp.Write("partial.json", json));
        Assert.Contains("no claimReviewed", items[0].Error);
        Assert.Contains("neither url nor identifier", items[1].Error);
        Assert.Equal("own-7", items[2].Record!.SourceKey);
    }

    [Theory]
    [InlineData("{\"@type\": \"ClaimReview\", ", "is not valid JSON")]
    [InlineData("{\"@type\": \"WebPage\"}", "holds no ClaimReview")]
    public void A_file_that_cannot_be_read_is_one_clear_error(string content, string problem)
    {
        var path = _temp.Write("bad.json", content);
        var error = Assert.Throws<InputException>(() => FactCheckFiles.Read(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Poynter_csv_and_json_rows_are_read_by_their_column_names()
    {
        var csv = "When did you see the claim?,Country,Organization,What did you fact-check?,Who said/posted it?,Link to the original piece," +
                  "URL to fact-checked article (in your language),Final rating,Explanation\n" +
                  "3/16/2026,Elbonia,Elbonia Checks,\"Garlic soup, eaten hot, cures the flu.\",Facebook users,,https://checks.example/soup,False ,It does not.\n" +
                  "3/17/2026,Elbonia,Elbonia Checks,,Someone,,https://checks.example/empty,False,\n";
        var (format, items) = FactCheckFiles.Read(_temp.Write("data.csv", csv));
        Assert.Equal("Poynter CSV", format);
        var soup = items[0].Record!;
        Assert.Equal(("Garlic soup, eaten hot, cures the flu.", "Facebook users", "2026-03-16", "False"), (soup.Claim, soup.Claimant, soup.ClaimDate, soup.Verdict));
        Assert.Equal(("Elbonia Checks", "https://checks.example/soup"), (soup.Publisher, soup.Url));
        Assert.Equal("row 3", items[1].Location);
        Assert.Contains("no claim", items[1].Error);

        var json = """
            [{"": "3/16/2026", "Organization": "Elbonia Checks", "What did you fact-check?": "Garlic soup, eaten hot, cures the flu.",
              "Who said/posted it?": "Facebook users", "URL to fact-checked article (in your language)": "https://checks.example/soup",
              "Language of your fact-check": "English", "Final rating": "False"}]
            """;
        var (jsonFormat, fromJson) = FactCheckFiles.Read(_temp.Write("data.json", json));
        Assert.Equal("Poynter JSON", jsonFormat);
        Assert.Equal(soup.SourceKey, fromJson[0].Record!.SourceKey);
        Assert.Equal("English", fromJson[0].Record!.Language);
    }

    [Fact]
    public void A_csv_without_the_poynter_columns_is_refused()
    {
        var path = _temp.Write("other.csv", "a,b\n1,2\n");
        Assert.Contains("without the Poynter", Assert.Throws<InputException>(() => FactCheckFiles.Read(path)).Message);
    }

    [Fact]
    public void CheckThat_2020_tsv_rows_are_keyed_by_their_ids()
    {
        var tsv = "\tvclaim\ttitle\n0\tA giant squid was found in a lake.\tWas a Giant Squid Found in a Lake?\n1\t\"Quoted \"\"claim\"\" text.\"\t\n2\t\t\n";
        var (_, items) = FactCheckFiles.Read(_temp.Write("verified_claims.docs.tsv", tsv));
        Assert.Equal(("clef2020:0", "Was a Giant Squid Found in a Lake?"), (items[0].Record!.SourceKey, items[0].Record!.Title));
        Assert.Equal(("Quoted \"claim\" text.", null), (items[1].Record!.Claim, items[1].Record!.Title));
        Assert.Contains("no claim text", items[2].Error);
        var wrong = _temp.Write("other.tsv", "id\ttext\n1\tx\n");
        Assert.Contains("not a CheckThat!", Assert.Throws<InputException>(() => FactCheckFiles.Read(wrong)).Message);
    }

    [Fact]
    public void CheckThat_2022_zip_entries_are_read_and_bad_entries_fail_alone()
    {
        var path = _temp.File("vclaims.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "vclaims/a.json", """{"vclaim_id": "vclaim-sno-squid", "vclaim": "A squid lives in the lake.", "title": "Lake Squid?", "date": "11 March 2019", "page_url": "https://checks.example/squid"}""");
            Entry(zip, "vclaims/b.json", """{"vclaim_id": "vclaim-sno-broken", "vclaim": """);
            Entry(zip, "vclaims/c.json", """{"vclaim_id": "vclaim-sno-empty"}""");
            Entry(zip, "readme.txt", "not a claim");
        }
        var (format, items) = FactCheckFiles.Read(path);
        Assert.Equal("CheckThat! 2022 vclaims", format);
        Assert.Equal(3, items.Count);
        var squid = items[0].Record!;
        Assert.Equal(("clef2022:vclaim-sno-squid", "Lake Squid?", "2019-03-11", "https://checks.example/squid"), (squid.SourceKey, squid.Title, squid.ReviewDate, squid.Url));
        Assert.Contains("not valid JSON", items[1].Error);
        Assert.Contains("has no vclaim", items[2].Error);
    }

    [Fact]
    public void A_zip_that_is_not_one_is_refused()
    {
        var path = _temp.Write("vclaims.zip", "PK but not really a zip archive at all");
        Assert.Contains("is not a zip archive", Assert.Throws<InputException>(() => FactCheckFiles.Read(path)).Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = _temp.File("huge.json");
        // Sparse: the length is set without writing two gigabytes.
        using (var file = File.Create(path)) file.SetLength(2L << 30);
        var error = Assert.Throws<InputException>(() => FactCheckFiles.Read(path));
        Assert.Contains("2,048 MB", error.Message);
        Assert.Contains("up to 256 MB", error.Message);
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
