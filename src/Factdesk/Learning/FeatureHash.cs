namespace Factdesk.Learning;

/// <summary>
/// Builds a 64-bit feature id from a template number and the text it looks at, without allocating strings:
/// "lower-case word at -1 is 'the'" becomes one ulong. FNV-1a, stable across processes and machines, because
/// trained models store these ids.
/// </summary>
public struct FeatureHash
{
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;

    public static FeatureHash Of(int template) => new FeatureHash { _hash = 14695981039346656037UL }.Add(template);

    public FeatureHash Add(int value)
    {
        for (var i = 0; i < 4; i++, value >>= 8) Mix((byte)value);
        return this;
    }

    public FeatureHash Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text) MixChar(c);
        MixChar('\u0001'); // ends a field, so ("ab", "c") and ("a", "bc") differ
        return this;
    }

    public FeatureHash AddLower(ReadOnlySpan<char> text)
    {
        foreach (var c in text) MixChar(char.ToLowerInvariant(c));
        MixChar('\u0001');
        return this;
    }

    public readonly ulong Value
    {
        get
        {
            // A final avalanche so that ids differing in the last character spread over the whole range.
            var h = _hash;
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            return h;
        }
    }

    private void MixChar(char c)
    {
        Mix((byte)c);
        if (c > 0xff) Mix((byte)(c >> 8));
    }

    private void Mix(byte b) => _hash = (_hash ^ b) * Prime;
}
