namespace Factdesk.Duplicates;

/// <summary>
/// One spelling per article address, so the same page reached through a tracking link or with a fragment is
/// recognised as already stored. Only changes that never name a different page are made.
/// </summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_"];
    private static readonly HashSet<string> TrackingKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "ito",
    };

    public static string? Of(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null;
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !IsTracking(p)));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "/";
        // Uri already lower-cases scheme and host and drops a default port.
        var builder = new UriBuilder(uri) { Path = path, Query = query, Fragment = "" };
        if (uri.IsDefaultPort)
            builder.Port = -1;
        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTracking(string parameter)
    {
        var key = parameter.Split('=')[0];
        return TrackingKeys.Contains(key) || TrackingPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
