using Microsoft.Playwright;

namespace Factdesk.Tests;

/// <summary>Debian's chromium as the browser tests drive it; Playwright's own browser downloads are never used.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(Path), $"{Path} is not installed (apt-get install chromium); .ci/run installs it");

    /// <summary>Headless, without a sandbox (containers have none to give) and without any call home.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
