using Factdesk.Segmentation;

namespace Factdesk.Clustering;

/// <summary>Raw text as token sequences for <see cref="WordClusterBuilder"/>: one sequence per non-empty line.</summary>
public static class UnlabelledText
{
    public static IEnumerable<IReadOnlyList<string>> Sentences(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var tokens = Tokenizer.Tokenize(line);
            var words = new string[tokens.Count];
            for (var i = 0; i < words.Length; i++) words[i] = tokens[i].Text;
            yield return words;
        }
    }
}
