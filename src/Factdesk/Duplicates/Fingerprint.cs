using System.Security.Cryptography;
using System.Text;

namespace Factdesk.Duplicates;

/// <summary>
/// What identifies an article's text: an exact hash (same words, whatever the spacing, case or punctuation)
/// and a 64-bit SimHash over three-word shingles, which differs in few bits when the texts differ in few words.
/// </summary>
public sealed record Fingerprint(string ContentHash, ulong SimHash, int Shingles)
{
    private const int ShingleWords = 3;

    /// <summary>Below this many shingles a SimHash says too little to call two texts copies of each other.</summary>
    public const int MinShinglesForNearDuplicates = 20;

    public bool CanMatchNearly => Shingles >= MinShinglesForNearDuplicates;

    public static Fingerprint Of(string text)
    {
        var words = Words(text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
        var shingles = Math.Max(0, words.Count - ShingleWords + 1);
        return new Fingerprint(hash, SimHashOf(words), shingles);
    }

    public static int Distance(ulong a, ulong b) => (int)ulong.PopCount(a ^ b);

    /// <summary>
    /// The share of the shorter text's shingles that the other text has too (the overlap coefficient): 1 when
    /// one text is the other with a byline or a footer added, near 0 for different stories on the same subject.
    /// </summary>
    public static double Overlap(string a, string b)
    {
        var left = ShingleHashes(Words(a));
        var right = ShingleHashes(Words(b));
        if (left.Count == 0 || right.Count == 0)
            return 0;
        var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
        return (double)small.Count(large.Contains) / small.Count;
    }

    private static HashSet<ulong> ShingleHashes(List<string> words)
    {
        var hashes = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
            hashes.Add(Hash(words, i));
        return hashes;
    }

    /// <summary>Lower-case runs of letters and digits: the words two copies of a story share, whatever their typography.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }

    private static ulong SimHashOf(List<string> words)
    {
        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var h = Hash(words, i);
            for (var bit = 0; bit < 64; bit++)
                votes[bit] += (h >> bit & 1) == 1 ? 1 : -1;
        }
        ulong simhash = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
                simhash |= 1UL << bit;
        }
        return simhash;
    }

    // FNV-1a over the shingle's characters, then a SplitMix64 finaliser: FNV alone leaves the high bits poorly
    // mixed, and SimHash needs every bit to vote independently. Stable across runs and platforms, unlike string.GetHashCode.
    private static ulong Hash(List<string> words, int start)
    {
        var h = 14695981039346656037UL;
        for (var w = start; w < start + ShingleWords; w++)
        {
            foreach (var c in words[w])
                h = (h ^ c) * 1099511628211UL;
            h = (h ^ ' ') * 1099511628211UL;
        }
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
