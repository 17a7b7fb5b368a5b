using System.Security.Cryptography;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>File names the site gives to claimants, and which outside links it is willing to write.</summary>
internal static class SiteLinks
{
    /// <summary>
    /// A readable ASCII file name for a claimant's page. A short hash of the full name keeps two names that read the
    /// same in ASCII ("Müller", "Muller") on separate pages.
    /// </summary>
    public static string ClaimantPath(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"claimants/{slug.ToString().Trim('-')}-{hash}.html".Replace("/-", "/", StringComparison.Ordinal);
    }

    /// <summary>Only absolute http(s) links from imported data become hrefs: a stored "javascript:" URL must never be clickable.</summary>
    public static string? SafeExternal(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
