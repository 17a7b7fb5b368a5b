namespace Factdesk.Learning;

/// <summary>
/// Deterministic train/development splits by a grouping key (a body id, a debate, a claim id), so that
/// the same key always lands on the same side on every machine and no group is split across both.
/// </summary>
public static class StableSplit
{
    /// <summary>True when <paramref name="key"/> belongs to the development side, which holds about <paramref name="share"/> of all keys.</summary>
    public static bool IsDevelopment(string key, double share = 0.2, string salt = "factdesk") =>
        Fnv1a(salt + "\u0000" + key) % 10_000 < share * 10_000;

    // string.GetHashCode is randomised per process; a split must not be.
    private static ulong Fnv1a(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
