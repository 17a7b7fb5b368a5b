using Factdesk.Publishing;
using Factdesk.Publishing.Site;
using Factdesk.Storage;
using Microsoft.Playwright;
using Contrast = Factdesk.Publishing.Site.Contrast;

namespace Factdesk.Tests.Publishing;

/// <summary>
/// A published fact-check page opened in a real browser: Debian's chromium, driven by Playwright from file://, so the
/// page is seen as a reader sees it (scripts on, styles applied) and a screenshot is kept for people to look at.
/// </summary>
public sealed class SiteBrowserTests : IDisposable
{
    private const string Claim = "The mayor wrote <script>alert(1)</script> on the town website.";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_fact_check_page_shows_hostile_text_as_text_and_is_screenshotted()
    {
        Chromium.SkipUnlessInstalled();
        var fact = new FactCheckRecord("browser", Claim, Title: "Did the mayor post a script?", Claimant: "Ellen Park",
            ClaimantTitle: "mayor", ClaimDate: "2026-10-01", Verdict: "False", Url: "https://checks.example/browser",
            Publisher: "Example Checks", Language: "en", ReviewDate: "2026-10-03",
            Summary: "The archived page has no such words.",
            Analysis: "# What the archive shows\n\nThe [archived page](https://archive.example/town) of 1 October.\n\n" +
                      "<img src=x onerror=\"window.hacked = 1\">\n\n[click](javascript:window.hacked=2)");
        SitePublisher.Publish([new StoredFactCheck(1, fact, DateTimeOffset.UnixEpoch)], RatingScales.Default, _temp.Path);
        var url = new Uri(Path.Combine(_temp.Path, "checks", "1.html")).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 500 } });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(url);

        Assert.Equal(Claim, (await page.Locator("blockquote").InnerTextAsync()).Trim());
        Assert.Equal("Did the mayor post a script?", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("False", await page.GetByRole(AriaRole.Region, new() { Name = "Verdict" }).Locator(".badge").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "archived page" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).IsVisibleAsync());
        Assert.Empty(dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.hacked === undefined"));
        // The badge's colours as the browser resolved them from site.css, held to WCAG AA.
        var colours = await page.Locator(".badge").EvaluateAsync<string[]>("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]");
        Assert.InRange(Contrast.Ratio(Hex(colours[0]), Hex(colours[1])), Contrast.MinimumForText, 21);

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        var screenshot = Path.Combine(shots, "fact-check-page.png");
        File.Delete(screenshot);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        Assert.True(png.Length > 10_000, $"{screenshot} is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // On paper the navigation goes and the page stays readable.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).IsVisibleAsync());
        Assert.True(await page.Locator("blockquote").IsVisibleAsync());
    }

    /// <summary>"rgb(165, 29, 45)" as "#a51d2d".</summary>
    private static string Hex(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',');
        return "#" + string.Concat(parts.Take(3).Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
