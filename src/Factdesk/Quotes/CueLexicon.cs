using Factdesk.Documents;

namespace Factdesk.Quotes;

/// <summary>
/// How often each lower-cased word was a cue in the training articles: "said" nearly always, "report" sometimes,
/// "the" never. The tagger reads it as a feature and to find the cue candidates near a token.
/// </summary>
public sealed class CueLexicon
{
    private const int MinSeen = 3;
    private const double CandidateShare = 0.1;

    private readonly Dictionary<string, (int Cue, int Seen)> _counts;

    public CueLexicon(Dictionary<string, (int Cue, int Seen)> counts) => _counts = counts;

    public IReadOnlyDictionary<string, (int Cue, int Seen)> Counts => _counts;

    public static CueLexicon Build(IEnumerable<(List<Token> Tokens, int[] Tags)> documents)
    {
        var counts = new Dictionary<string, (int Cue, int Seen)>(StringComparer.Ordinal);
        foreach (var (tokens, tags) in documents)
            for (var i = 0; i < tokens.Count; i++)
            {
                var key = tokens[i].Text.ToLowerInvariant();
                counts.TryGetValue(key, out var c);
                counts[key] = (c.Cue + (AttributionTags.RoleOf(tags[i]) == AttributionRole.Cue ? 1 : 0), c.Seen + 1);
            }
        // Words seen too rarely say nothing reliable and only make the model bigger.
        return new CueLexicon(counts.Where(kv => kv.Value.Seen >= MinSeen && kv.Value.Cue > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>The cue share of a word in tenths (0 to 10), or -1 for a word never seen as a cue.</summary>
    public int Bucket(string lowerWord) =>
        _counts.TryGetValue(lowerWord, out var c) ? (int)Math.Round(10.0 * c.Cue / c.Seen) : -1;

    public bool IsCandidate(string lowerWord) =>
        _counts.TryGetValue(lowerWord, out var c) && (double)c.Cue / c.Seen >= CandidateShare;

    public void Write(BinaryWriter writer)
    {
        writer.Write(_counts.Count);
        foreach (var (word, (cue, seen)) in _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(cue);
            writer.Write(seen);
        }
    }

    public static CueLexicon Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("not a cue lexicon");
        var counts = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) counts[reader.ReadString()] = (reader.ReadInt32(), reader.ReadInt32());
        return new CueLexicon(counts);
    }
}
