using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>File names the site gives to claimants, verdicts and date pages, and which outside links it is willing to write.</summary>
internal static class SiteLinks
{
    /// <summary>
    /// A readable ASCII file name for a claimant's page. A short hash of the full name keeps two names that read the
    /// same in ASCII ("Müller", "Muller") on separate pages.
    /// </summary>
    public static string ClaimantPath(string name) => Named("claimants", name);

    /// <summary>The page of every fact-check with one verdict, named like a claimant's page and for the same reason.</summary>
    public static string VerdictPath(string verdict) => Named("verdicts", verdict);

    /// <summary>Page <paramref name="page"/> (from 2; the first is on the index) of the fact-checks by date.</summary>
    public static string DatePath(int page) => $"dates/{page.ToString(CultureInfo.InvariantCulture)}.html";

    private static string Named(string folder, string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{folder}/{slug.ToString().Trim('-')}-{hash}.html".Replace("/-", "/", StringComparison.Ordinal);
    }

    /// <summary>Only absolute http(s) links from imported data become hrefs: a stored "javascript:" URL must never be clickable.</summary>
    public static string? SafeExternal(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
