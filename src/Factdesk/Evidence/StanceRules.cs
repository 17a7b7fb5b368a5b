using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Evidence;

/// <summary>
/// The stance of a statement toward a claim from cue words: refuting words ("false", "far from the truth",
/// "disinformation"), a negation in answer to the claim ("Responding to the claim ..., does not seek"),
/// and shared content. The trained classifier of a later issue replaces these rules behind <see cref="Predict"/>.
/// </summary>
public static class StanceRules
{
    internal static readonly string[] RefutingPhrases =
    [
        "false", "untrue", "not true", "far from the truth", "no basis", "baseless", "disinformation", "propaganda",
        "fake", "a lie", "lies", "lying", "denied", "denies", "deny", "dismissed", "dismisses", "rejected", "rejects",
        "debunked", "no evidence", "unfounded", "fabricated", "fabrication", "distort", "misleading", "nonsense",
        "absurd", "groundless", "not credible", "inaccurate", "incorrect", "wrong", "myth", "hoax", "conspiracy theory",
        "no such", "not accurate", "not correct", "isn't true", "is not the case", "never happened",
    ];

    internal static readonly string[] SupportingPhrases =
    [
        "confirmed", "confirms", "is true", "are true", "was true", "indeed", "correct", "accurate", "evidence shows",
        "proves", "proved", "verified",
    ];

    internal static readonly string[] Negations = [" not ", "n't ", " no ", " never ", " nothing "];

    private static readonly string[] ResponseCues = ["claim", "allegation", "accusation", "responding", "in response", "denying", "asked about"];

    /// <summary>
    /// The stance of <paramref name="statement"/> (said in <paramref name="context"/>, its sentence) toward <paramref name="claim"/>.
    /// </summary>
    /// <paramref name="sharesEntity"/> tells whether the statement names an entity that the claim names too.
    public static Stance Predict(string claim, string statement, string context, bool sharesEntity = false)
    {
        var said = " " + statement.ToLowerInvariant() + " ";
        var around = " " + context.ToLowerInvariant() + " ";
        if (RefutingPhrases.Any(p => Words.ContainsWord(said, p) || Words.ContainsWord(around, p) && !Words.ContainsWord(around, "claims are true")))
            return Stance.Refutes;
        if (Negations.Any(said.Contains) && ResponseCues.Any(around.Contains))
            return Stance.Refutes;
        var overlap = SharedContentWords(claim, statement) + (sharesEntity ? 1 : 0);
        if (SupportingPhrases.Any(p => Words.ContainsWord(said, p) && !Negated(said, p)) && overlap > 0)
            return Stance.Supports;
        return overlap > 0 || ResponseCues.Any(around.Contains) ? Stance.Discusses : Stance.Unrelated;
    }

    /// <summary>Whether every occurrence of <paramref name="phrase"/> has a negation in the few words before it ("not verified").</summary>
    private static bool Negated(string text, string phrase)
    {
        var i = 0;
        var any = false;
        while ((i = text.IndexOf(phrase, i, StringComparison.Ordinal)) >= 0)
        {
            var before = " " + text[Math.Max(0, i - 20)..i];
            if (!Negations.Any(before.Contains)) return false;
            any = true;
            i += phrase.Length;
        }
        return any;
    }

    internal static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "that", "this", "these",
        "those", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "they", "their", "them",
        "we", "our", "us", "he", "his", "she", "her", "who", "which", "what", "will", "would", "can", "could", "not",
        "no", "as", "into", "than", "then", "there", "so", "but", "if", "about", "all", "also", "any", "some", "such",
    };

    private static int SharedContentWords(string a, string b)
    {
        static IEnumerable<string> Words(string s) =>
            s.Split((char[])[' ', ',', '.', ';', ':', '“', '”', '"', '(', ')', '[', ']', '\n'], StringSplitOptions.RemoveEmptyEntries)
             .Select(w => w.ToLowerInvariant().TrimEnd('s'))
             .Where(w => w.Length > 3 && !StopWords.Contains(w));
        return Words(a).ToHashSet().Intersect(Words(b)).Count();
    }
}
