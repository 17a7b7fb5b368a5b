using System.Text.RegularExpressions;
using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Claims;

/// <summary>
/// Hand-made cues of check-worthiness that word n-grams see poorly: how many numbers and names a sentence has, who
/// it talks about (I, we, you, they), hedges and opinions, and its shape. Computed from the sentence text alone, so
/// training sentences from data sets and sentences of an analysed article get exactly the same features.
/// </summary>
public static partial class SentenceFeatures
{
    public const int Count = 16;

    private static readonly HashSet<string> FirstSingular = new(StringComparer.OrdinalIgnoreCase) { "i", "me", "my", "mine", "i'm", "i've", "i'll" };
    private static readonly HashSet<string> FirstPlural = new(StringComparer.OrdinalIgnoreCase) { "we", "us", "our", "ours", "we're", "we've", "we'll" };
    private static readonly HashSet<string> Second = new(StringComparer.OrdinalIgnoreCase) { "you", "your", "yours", "you're", "you've" };
    private static readonly HashSet<string> Third = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "him", "her", "them", "his", "their", "it" };

    private static readonly HashSet<string> Opinion = new(StringComparer.OrdinalIgnoreCase)
    {
        "think", "believe", "feel", "hope", "should", "must", "ought", "perhaps", "maybe", "wonder", "love", "hate",
        "want", "wish", "would", "could", "might", "may", "great", "wonderful", "terrible", "tremendous", "thank",
        "please", "subscribe", "click", "follow", "sign", "newsletter",
    };

    private static readonly HashSet<string> Quantity = new(StringComparer.OrdinalIgnoreCase)
    {
        "hundreds", "thousands", "millions", "billions", "hundred", "thousand", "million", "billion", "trillion",
        "percent", "half", "dozens", "twice", "double", "doubled", "tripled", "majority", "dollars", "jobs",
    };

    private static readonly HashSet<string> Change = new(StringComparer.OrdinalIgnoreCase)
    {
        "more", "less", "fewer", "than", "most", "least", "increase", "increased", "decrease", "decreased", "cut", "cuts",
        "raise", "raised", "higher", "lower", "rose", "fell", "grew", "record", "largest", "highest", "lowest", "first",
        "never", "every", "since", "voted", "passed", "created", "lost",
    };

    /// <summary>The text a model sees: a transcript's speaker label removed, and all-caps text in lower case.</summary>
    public static string Normalise(string text)
    {
        text = SpeakerLabel().Replace(text.Trim(), "", 1);
        text = Whitespace().Replace(text, " ");
        return IsShouted(text) ? text.ToLowerInvariant() : text;
    }

    /// <summary>The features of a <see cref="Normalise">normalised</see> sentence, each small and non-negative.</summary>
    public static float[] Compute(string text)
    {
        var f = new float[Count];
        var tokens = Tokenizer.Tokenize(text);
        var words = 0;
        var first = true;
        foreach (var t in tokens)
        {
            if (t.Kind is TokenKind.Quote) f[14] = 1;
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            words++;
            if (t.Kind == TokenKind.Number || t.Text.Any(char.IsDigit))
            {
                f[1]++;
                if (t.Text.Length == 4 && t.Text is [('1' or '2'), _, _, _]) f[12] = 1;
            }
            if (Quantity.Contains(t.Text)) f[2]++;
            // A capitalised word after the first is a cheap stand-in for a named entity.
            if (!first && t.IsCapitalized && !FirstSingular.Contains(t.Text)) f[3]++;
            if (FirstSingular.Contains(t.Text)) f[4]++;
            if (FirstPlural.Contains(t.Text)) f[5]++;
            if (Second.Contains(t.Text)) f[6]++;
            if (Third.Contains(t.Text)) f[7]++;
            if (Opinion.Contains(t.Text)) f[8]++;
            if (Change.Contains(t.Text)) f[13]++;
            first = false;
        }
        f[0] = MathF.Log(1 + words);
        var end = text.TrimEnd('"', '”', '’', '\'', ')', ' ');
        f[9] = end.EndsWith('?') ? 1 : 0;
        f[10] = end.EndsWith('.') || end.EndsWith('!') ? 1 : 0;
        f[11] = text.Contains('%') || text.Contains('$') || text.Contains('€') || text.Contains('£') ? 1 : 0;
        f[15] = words == 0 ? 0 : (float)(f[4] + f[5] + f[6]) / words;
        return f;
    }

    private static bool IsShouted(string text)
    {
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 8 && upper > 0.8 * letters;
    }

    // "TRUMP: ...", "Sen. WARREN: ...": the speaker is not part of what is said.
    [GeneratedRegex(@"^(?:[A-Z][A-Za-z.]*\s)?[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,2}:\s+")]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
