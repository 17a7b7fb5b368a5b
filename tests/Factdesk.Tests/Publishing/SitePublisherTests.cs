using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Factdesk.Publishing;
using Factdesk.Publishing.Site;
using Factdesk.Storage;
using Factdesk.Tests.Cli;
using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Publishing;

/// <summary>`factdesk publish` on a small store written for the tests, every page parsed back as a browser would.</summary>
public sealed class SitePublisherTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string TrickyClaimant = "Smith & \"Jones\" O'Brien";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FactCheckRecord Fact(string key, string claim, int axis, string? claimant, string? verdict, string reviewDate) =>
        new(key, claim, Claimant: claimant, ClaimantTitle: claimant is null ? null : "spokesperson", ClaimDate: "2026-10-01",
            Verdict: verdict, RatingValue: verdict is null ? null : 1, BestRating: verdict is null ? null : 5, WorstRating: verdict is null ? null : 1,
            Url: $"https://checks.example/{key}", Publisher: "Example Checks", Language: "en", ReviewDate: reviewDate,
            Embedding: FactCheckStoreContract.Axis(axis));

    private static readonly FactCheckRecord[] Facts =
    [
        Fact("script", $"The mayor wrote {Script} on the town website.", 0, "Ellen Park", "Pants on Fire", "2026-11-02") with
        {
            Summary = $"The page never said {Script}.",
            Analysis = $"# Archive\n\nThe [archived page](https://archive.example/town) shows no such words.\n\n- {Script}\n- <img src=x onerror=\"alert(2)\">\n- [x](javascript:alert(3))",
        },
        Fact("quotes", "Bread prices rose 40% in a month & nobody noticed.", 1, TrickyClaimant, "Mostly True", "2026-11-05") with
        {
            ClaimReviewJson = """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/quotes",
                 "claimReviewed": "Bread prices rose 40% in a month & nobody noticed.", "author": {"@type": "Organization", "name": "Example Checks"},
                 "datePublished": "2026-11-05", "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly True"},
                 "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Smith & \"Jones\" O'Brien"},
                   "firstAppearance": {"@type": "CreativeWork", "url": "https://social.example/post/1"},
                   "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/2"}, "https://social.example/post/1"]}}
                """,
        },
        Fact("second", "The bridge has been closed for ten years.", 2, "Ellen Park", "False", "2026-11-04"),
        Fact("anonymous", "Garlic soup cures the flu.", 3, null, null, "2026-11-01"),
        Fact("odd", "The river flows uphill on Sundays.", 4, TrickyClaimant, "Wildly imaginative", "2026-10-20"),
    ];

    private string Store(params FactCheckRecord[] facts)
    {
        var db = _temp.File("facts.db");
        using var store = SqliteFactCheckStore.Open(db);
        store.AddAll(facts);
        return db;
    }

    private static IDocument Parse(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path));

    private async Task<string> Published()
    {
        var site = _temp.File("site");
        var run = await CliRun.Of("publish", "--out", site, "--db", Store(Facts));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Published 5 fact-check(s) and 2 claimant page(s)", run.Stdout);
        return site;
    }

    [Fact]
    public async Task Every_page_is_safe_accessible_html_and_carries_valid_json_ld()
    {
        var site = await Published();
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);
        // Five fact-checks, two claimants, four verdicts (Likely True, False, an unplaced one, not rated), the index.
        Assert.Equal(5 + 2 + 4 + 1, pages.Length);
        foreach (var path in pages)
        {
            var page = Parse(path);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("main"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.NotNull(page.QuerySelector("body > header"));
            Assert.NotNull(page.QuerySelector("body > footer"));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("title")?.TextContent));
            Assert.All(page.QuerySelectorAll("nav"), n => Assert.False(string.IsNullOrWhiteSpace(n.GetAttribute("aria-label"))));
            // Every labelled region names a heading that exists, so screen readers announce it.
            Assert.All(page.QuerySelectorAll("[aria-labelledby]"), r => Assert.NotNull(page.GetElementById(r.GetAttribute("aria-labelledby")!)));
            Assert.All(page.QuerySelectorAll("a"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent)));
            Assert.All(page.QuerySelectorAll("[href]"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href$='site.css']"));
            Assert.Empty(page.QuerySelectorAll("[style], style"));
            // The only scripts are JSON-LD data blocks; the claim's markup is text.
            Assert.All(page.Scripts, s => Assert.Equal("application/ld+json", s.Type));
            Assert.DoesNotContain(page.Scripts, s => s.TextContent.Contains("alert(1)</script>", StringComparison.Ordinal));
        }

        var checks = Directory.GetFiles(Path.Combine(site, "checks"), "*.html");
        Assert.Equal(5, checks.Length);
        foreach (var path in checks)
        {
            var page = Parse(path);
            Assert.NotNull(page.QuerySelector(".claim-card blockquote"));
            var badge = page.QuerySelector(".badge");
            Assert.False(string.IsNullOrWhiteSpace(badge?.TextContent));
            var reviews = ClaimReviewSources.FromHtml(File.ReadAllText(path), path);
            if (page.QuerySelector("blockquote")!.TextContent.StartsWith("Garlic", StringComparison.Ordinal))
            {
                // Unrated: a ClaimReview needs a rating, so the page carries none.
                Assert.Empty(reviews);
                Assert.Equal("Not rated", badge!.TextContent);
                continue;
            }
            var (review, at) = Assert.Single(reviews);
            Assert.DoesNotContain(ClaimReviewValidator.Validate(review, at), f => f.Severity == FindingSeverity.Error);
        }

        var scriptPage = checks.Select(Parse).Single(p => p.QuerySelector("blockquote")!.TextContent.Contains("mayor", StringComparison.Ordinal));
        Assert.Contains(Script, scriptPage.QuerySelector("blockquote")!.TextContent);
        var jsonLd = scriptPage.Scripts.Single().TextContent;
        Assert.DoesNotContain("</script", jsonLd, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Script, JsonNode.Parse(jsonLd)!["claimReviewed"]!.GetValue<string>());
        Assert.Equal("False", scriptPage.QuerySelector(".badge")!.TextContent);
        Assert.Equal($"The page never said {Script}.", scriptPage.QuerySelector(".summary")!.TextContent);
        var analysis = scriptPage.QuerySelector("section.analysis")!;
        Assert.Equal("Archive", analysis.QuerySelector("h3")!.TextContent);
        Assert.Equal(3, analysis.QuerySelectorAll("li").Length);
        Assert.Contains(Script, analysis.TextContent);
        Assert.Empty(analysis.QuerySelectorAll("script, img"));
        Assert.Equal(["https://archive.example/town"], analysis.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["https://checks.example/script", "https://archive.example/town"], SourceLinks(scriptPage));

        var trickyPage = checks.Select(Parse).Single(p => p.QuerySelector("blockquote")!.TextContent.Contains("Bread", StringComparison.Ordinal));
        Assert.Equal(TrickyClaimant, trickyPage.QuerySelector(".claim-card dd a")!.TextContent);
        Assert.Contains("& nobody", trickyPage.QuerySelector("blockquote")!.TextContent);
        Assert.Null(trickyPage.QuerySelector("section.analysis"));
        Assert.Equal(["https://checks.example/quotes", "https://social.example/post/1", "https://social.example/post/2"], SourceLinks(trickyPage));
    }

    private static List<string?> SourceLinks(IDocument page) =>
        page.QuerySelectorAll("section[aria-labelledby=sources] a").Select(a => a.GetAttribute("href")).ToList();

    [Fact]
    public async Task The_stylesheet_prints_and_every_badge_colour_reads_at_wcag_aa_contrast()
    {
        var site = await Published();
        var css = File.ReadAllText(Path.Combine(site, "site.css"));
        Assert.Contains("@media print", css);
        var rules = System.Text.RegularExpressions.Regex.Matches(css, @"\.verdict-[\w-]+\{background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})\}");
        Assert.Equal(RatingScales.Default.Labels.Count + 1, rules.Count);
        Assert.All(rules, r => Assert.InRange(Contrast.Ratio(r.Groups[1].Value, r.Groups[2].Value), 4.5, 21));
    }

    [Fact]
    public async Task The_index_and_the_claimant_pages_link_to_every_fact_check()
    {
        var site = await Published();
        var index = Parse(Path.Combine(site, "index.html"));
        var checkPages = Directory.GetFiles(Path.Combine(site, "checks"), "*.html").Select(p => $"checks/{Path.GetFileName(p)}").ToHashSet();
        var byDateLinks = index.QuerySelectorAll("section[aria-labelledby=by-date] a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Superset(checkPages, byDateLinks);
        Assert.Null(index.QuerySelector("nav.pager"));

        // By verdict: one page per verdict, each listing its fact-checks; together they list every one exactly once.
        var verdictLinks = index.QuerySelectorAll("section[aria-labelledby=by-verdict] a").ToList();
        Assert.Equal(["Likely True", "False", "Wildly imaginative", "Not rated"], verdictLinks.Select(a => a.TextContent));
        var byVerdict = new List<string>();
        foreach (var link in verdictLinks)
        {
            var page = Parse(Path.Combine(site, link.GetAttribute("href")!));
            Assert.Equal($"Verdict: {link.TextContent}", page.QuerySelector("h1")!.TextContent);
            byVerdict.AddRange(page.QuerySelectorAll("ul.checks li > a").Select(a => a.GetAttribute("href")!.Replace("../", "", StringComparison.Ordinal)));
        }
        Assert.Equal(checkPages.Order(), byVerdict.Order());
        // Newest first.
        var byDate = index.QuerySelectorAll("section[aria-labelledby=by-date] li > a").Select(a => a.TextContent).ToList();
        Assert.StartsWith("Bread", byDate[0]);
        Assert.StartsWith("The river", byDate[^1]);

        var claimantLinks = index.QuerySelectorAll("section[aria-labelledby=by-claimant] a").ToList();
        Assert.Equal(["Ellen Park", TrickyClaimant], claimantLinks.Select(a => a.TextContent));
        var linkedFromClaimants = new HashSet<string>();
        foreach (var link in claimantLinks)
        {
            var page = Parse(Path.Combine(site, link.GetAttribute("href")!));
            Assert.Equal(link.TextContent, page.QuerySelector("h1")!.TextContent);
            Assert.NotNull(page.QuerySelector("table caption"));
            linkedFromClaimants.UnionWith(page.QuerySelectorAll("ul.checks a").Select(a => a.GetAttribute("href")!.Replace("../", "", StringComparison.Ordinal)));
        }
        Assert.Equal(4, linkedFromClaimants.Count);
        Assert.Subset(checkPages, linkedFromClaimants);

        var park = Parse(Path.Combine(site, claimantLinks[0].GetAttribute("href")!));
        var record = park.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal([("False", "2")], record);
    }

    [Fact]
    public void Fact_checks_by_date_are_paged_newest_first_and_every_one_is_on_exactly_one_page()
    {
        var facts = Enumerable.Range(1, 25).Select(i => new StoredFactCheck(i,
            new FactCheckRecord($"k{i}", $"Claim {i}.", Verdict: "False", ReviewDate: new DateOnly(2026, 1, i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.UnixEpoch)).ToList();
        var site = _temp.File("paged");
        SitePublisher.Publish(facts, RatingScales.Default, site, datePageSize: 10);

        var claims = new List<string>();
        var path = Path.Combine(site, "index.html");
        var pages = 0;
        while (true)
        {
            var page = Parse(path);
            var list = page.QuerySelector("h1")!.TextContent == Html.SiteName ? page.QuerySelector("section[aria-labelledby=by-date]")! : page.QuerySelector("main")!;
            claims.AddRange(list.QuerySelectorAll("ul.checks li > a").Select(a => a.TextContent));
            pages++;
            var pager = page.QuerySelector("nav.pager")!;
            Assert.Contains($"Page {pages} of 3", pager.TextContent);
            Assert.Equal(pages > 1, pager.QuerySelector("a[rel=prev]") is not null);
            if (pager.QuerySelector("a[rel=next]") is not { } next) break;
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, next.GetAttribute("href")!));
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"Claim {i}."), claims);
        var back = Parse(Path.Combine(site, "dates", "2.html")).QuerySelector("a[rel=prev]")!.GetAttribute("href");
        Assert.Equal("../index.html#by-date", back);
    }

    [Fact]
    public async Task The_atom_feed_lists_the_newest_and_the_data_feed_every_rated_review()
    {
        var site = await Published();
        var atom = XDocument.Load(Path.Combine(site, "feed.xml"));
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Equal(ns + "feed", atom.Root!.Name);
        var entries = atom.Root.Elements(ns + "entry").ToList();
        Assert.Equal(5, entries.Count);
        Assert.Equal("https://checks.example/quotes", entries[0].Element(ns + "id")!.Value);

        var feed = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "datafeed.json")))!.AsObject();
        Assert.Equal("DataFeed", feed["@type"]!.GetValue<string>());
        var urls = feed["dataFeedElement"]!.AsArray().Select(r => r!["url"]!.GetValue<string>()).Order();
        Assert.Equal(Facts.Where(f => f.Verdict is not null).Select(f => f.Url!).Order(), urls);
        Assert.All(feed["dataFeedElement"]!.AsArray(), r => Assert.Equal("ClaimReview", r!["@type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_empty_store_publishes_an_index_that_says_so()
    {
        var site = _temp.File("site");
        var run = await CliRun.Of("publish", "--out", site, "--db", Store());
        Assert.Equal(0, run.ExitCode);
        var index = Parse(Path.Combine(site, "index.html"));
        Assert.Contains("No fact-checks have been published yet", index.QuerySelector("main")!.TextContent);
        Assert.Empty(XDocument.Load(Path.Combine(site, "feed.xml")).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.Empty(JsonNode.Parse(File.ReadAllText(Path.Combine(site, "datafeed.json")))!["dataFeedElement"]!.AsArray());
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_a_one_line_error()
    {
        var file = _temp.Write("taken", "not a directory");
        var run = await CliRun.Of("publish", "--out", file, "--db", Store(Facts));
        run.AssertUserError("is a file, not a directory");
    }
}
