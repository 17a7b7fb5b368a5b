namespace Factdesk.Entities;

/// <summary>
/// What one document says about its words beyond the current sentence: whether a capitalised word also
/// appears in lower case (so is likely a common word), how an all-caps headline word is spelled in the body,
/// and which entity type the tagger gave the word earlier in the document (names recur in a news story).
/// </summary>
internal sealed class NerDocumentContext
{
    private readonly HashSet<string> _lowerWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bodySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _history = new(StringComparer.Ordinal);

    public NerDocumentContext(IEnumerable<IReadOnlyList<string>> sentences)
    {
        foreach (var sentence in sentences)
            for (var i = 0; i < sentence.Count; i++)
            {
                var word = sentence[i];
                if (word.Length == 0 || !char.IsLetter(word[0])) continue;
                if (char.IsLower(word[0])) _lowerWords.Add(word);
                else if (i > 0 && word.Any(char.IsLower)) _bodySpelling.TryAdd(word.ToLowerInvariant(), word);
            }
    }

    public void AddFeatures(List<ulong> features, string word, string lower, bool headline)
    {
        if (word.Length > 0 && char.IsUpper(word[0]) && _lowerWords.Contains(lower)) features.Add(NerFeatures.SeenLowerFeature);
        if (headline && _bodySpelling.TryGetValue(lower, out var spelling)) features.Add(NerFeatures.CaseElsewhereFeature(spelling));
        if (_history.TryGetValue(lower, out var counts))
        {
            var best = 0;
            for (var t = 1; t < counts.Length; t++)
                if (counts[t] > counts[best]) best = t;
            features.Add(NerFeatures.HistoryFeature(best));
        }
    }

    /// <summary>Remembers the types just given to a sentence's words, for the sentences after it.</summary>
    public void Remember(IReadOnlyList<string> tokens, ReadOnlySpan<int> tags)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tags[i] == BilouTags.O) continue;
            var key = tokens[i].ToLowerInvariant();
            if (!_history.TryGetValue(key, out var counts)) _history[key] = counts = new int[BilouTags.Types.Length];
            counts[BilouTags.TypeOf(tags[i])]++;
        }
    }
}
