namespace Factdesk.Duplicates;

/// <summary>
/// The SimHashes of stored originals, to find the one a new article copies. A linear scan: one XOR and a
/// popcount per stored article is microseconds for tens of thousands of articles; banded lookup can come when
/// the store holds millions.
/// </summary>
public sealed class NearDuplicateIndex
{
    /// <summary>
    /// Up to this many differing bits, a SimHash match is taken as it is. On the 121 longer gold texts of the
    /// extraction benchmark, no two unrelated articles came closer than 16 bits.
    /// </summary>
    public const int SureDistance = 6;

    /// <summary>
    /// Copies that lost a paragraph or gained a byline and footer differ by up to about 17 bits on those texts
    /// (median 5), so candidates up to here are confirmed on the words themselves with <see cref="Fingerprint.Overlap"/>.
    /// </summary>
    public const int MaxDistance = 18;

    /// <summary>Share of the shorter text's shingles the other must contain to count as the same story.</summary>
    public const double MinOverlap = 0.7;

    private readonly List<(long Id, ulong SimHash)> _originals;

    public NearDuplicateIndex(IEnumerable<(long Id, ulong SimHash)> originals) => _originals = [.. originals];

    /// <summary>
    /// The id of the original that <paramref name="text"/> copies, or null. <paramref name="textOf"/> fetches a
    /// stored original's text, and is called only for the few candidates whose SimHash is close but not sure.
    /// </summary>
    public long? FindOriginal(Fingerprint fingerprint, string text, Func<long, string?> textOf)
    {
        if (!fingerprint.CanMatchNearly)
            return null;
        var candidates = _originals
            .Select(o => (o.Id, Distance: Fingerprint.Distance(o.SimHash, fingerprint.SimHash)))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance).ThenBy(c => c.Id);
        foreach (var (id, distance) in candidates)
        {
            if (distance <= SureDistance || textOf(id) is { } original && Fingerprint.Overlap(text, original) >= MinOverlap)
                return id;
        }
        return null;
    }

    public void Add(long id, Fingerprint fingerprint)
    {
        if (fingerprint.CanMatchNearly)
            _originals.Add((id, fingerprint.SimHash));
    }
}
