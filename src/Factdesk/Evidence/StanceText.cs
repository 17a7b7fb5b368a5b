using Factdesk.Ingestion;

namespace Factdesk.Evidence;

/// <summary>
/// A headline or body prepared once for the stance features: lower-cased, lightly stemmed word terms, its sentences,
/// the capitalised words (a cheap stand-in for names) and the numbers. Bodies are cut at <see cref="MaxChars"/>,
/// so a megabyte of text costs no more than a long article.
/// </summary>
public sealed class StanceText
{
    /// <summary>Far above any FNC-1 body (the longest is about 30,000 characters); the stance shows well before this.</summary>
    public const int MaxChars = 40_000;

    private StanceText(string raw)
    {
        Raw = raw.Length > MaxChars ? raw[..MaxChars] : raw;
        Lower = " " + Raw.ToLowerInvariant() + " ";
        Terms = Tokenize(Raw);
        var sentences = SplitSentences(Raw).Select(s => (Lower: " " + s.ToLowerInvariant() + " ", Terms: Tokenize(s))).Where(s => s.Terms.Length > 0).ToArray();
        Sentences = sentences.Select(s => s.Terms).ToArray();
        SentenceLower = sentences.Select(s => s.Lower).ToArray();
        Capitalised = CapitalisedWords(Raw);
        Numbers = Terms.Where(t => char.IsDigit(t[0])).ToHashSet(StringComparer.Ordinal);
        Language = Raw.Length >= 20 ? LanguageGuesser.GuessFromFunctionWords(Raw.Length > 5000 ? Raw[..5000] : Raw) : null;
    }

    public string Raw { get; }

    /// <summary>Lower case with a space at either end, for cue phrases matched as whole words.</summary>
    public string Lower { get; }

    public string[] Terms { get; }
    public string[][] Sentences { get; }

    /// <summary>Each of <see cref="Sentences"/> in lower case with a space at either end.</summary>
    public string[] SentenceLower { get; }
    public HashSet<string> Capitalised { get; }
    public HashSet<string> Numbers { get; }

    /// <summary>The guessed language, or null when the text is too short to tell.</summary>
    public string? Language { get; }

    public bool IsEmpty => Terms.Length == 0;

    public static StanceText Of(string text) => new(text ?? "");

    public static string[] Tokenize(string text)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                terms.Add(Stem(text[start..i].ToLowerInvariant()));
                start = -1;
            }
        }
        return terms.ToArray();
    }

    /// <summary>Folds plural and a few verb endings so "denies" meets "deny" and "reports" meets "reported".</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return word[..^3];
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static IEnumerable<string> SplitSentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end) continue;
            if (i > start) yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    private static HashSet<string> CapitalisedWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetter(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                // The first word of a sentence is capitalised by rule, not because it names something.
                var b = start - 1;
                while (b >= 0 && text[b] == ' ') b--;
                var sentenceStart = b < 0 || text[b] is '.' or '!' or '?' or '\n' or '"' or '“' or '\'' or '‘';
                if (char.IsUpper(text[start]) && i - start > 1 && !sentenceStart) words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
