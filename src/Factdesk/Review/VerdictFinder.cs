using Factdesk.Documents;

namespace Factdesk.Review;

/// <summary>
/// The verdict a fact-check article states: a labelled line ("Verdict: False"), PolitiFact's
/// "We rate this claim False", a verdict line under the checked statement, a summary sentence
/// ("the Russian claims are false", "That is unsubstantiated"), or a title prefix ("Fake:", "Disinfo:").
/// </summary>
public static class VerdictFinder
{
    /// <summary>Verdict words as outlets write them, longest first so "mostly false" wins over "false".</summary>
    public static readonly string[] Lexicon =
    [
        "pants on fire", "mostly true", "mostly false", "half true", "half-true", "partially true", "partially false",
        "partly true", "partly false", "likely true", "likely false", "wildly incorrect", "missing context",
        "out of context", "lacks context", "needs context", "no evidence", "not true", "unsubstantiated", "unproven",
        "misleading", "exaggerated", "inaccurate", "incorrect", "baseless", "untrue", "unsupported", "satire",
        "correct", "accurate", "disinfo", "fake", "false", "true", "mixture", "distorted",
    ];

    private static readonly string[] VerdictHeadings = ["our verdict", "verdict", "rating", "our rating", "conclusion"];

    /// <summary>The text of the line after the first line that is only one of <paramref name="headings"/>, lower-cased.</summary>
    internal static string? LineAfterHeading(string text, string[] headings)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!headings.Contains(lines[i].Trim().TrimEnd(':').ToLowerInvariant())) continue;
            for (var j = i + 1; j < lines.Length; j++)
                if (lines[j].Trim().Length > 0) return lines[j].Trim();
        }
        return null;
    }

    private static readonly string[] Labels = ["verdict:", "our verdict:", "rating:", "our rating:", "conclusion:", "truth-o-meter:"];

    private static readonly string[] Subjects = ["claim", "claims", "statement", "statements", "allegation", "allegations", "post", "video", "image", "assertion", "assertions"];

    private static readonly string[] Pronouns = ["that", "this", "it"];

    private const int NearClaim = 400;      // characters after the checked statement that may hold its verdict line
    private const int SummaryWindow = 3000; // how far a summary sentence is looked for

    /// <summary>Finds the stated verdict; <paramref name="afterClaim"/> is where the checked statement ends, if known.</summary>
    public static Verdict? Find(Document document, int afterClaim)
    {
        var text = document.Text;
        var lower = text.ToLowerInvariant();
        foreach (var label in Labels)
        {
            var i = lower.IndexOf(label, StringComparison.Ordinal);
            if (i >= 0 && (i == 0 || lower[i - 1] == '\n') && LexiconAt(lower, SkipSpaces(lower, i + label.Length), anywhereWithin: 40) is { } v)
                return new Verdict(v, true);
        }
        // Full Fact and others put the verdict under a heading of its own: "Our verdict" / "Incorrect. The cap rose ...".
        if (LineAfterHeading(lower, VerdictHeadings) is { } verdictLine && LexiconAt(verdictLine, 0, anywhereWithin: 0) is { } underHeading)
            return new Verdict(underHeading, true);
        var weRate = lower.IndexOf("we rate ", StringComparison.Ordinal);
        if (weRate >= 0 && LexiconAt(lower, weRate + 8, anywhereWithin: 60) is { } rated) return new Verdict(rated, true);

        if (afterClaim > 0 && NextLine(text, afterClaim) is var (lineStart, lineEnd) && lineEnd > lineStart)
        {
            var line = lower[lineStart..lineEnd].Trim().TrimEnd('.', '!');
            if (Lexicon.Contains(line)) return new Verdict(TitleCase(line), true);
        }
        // Right after the checked statement a pronoun may carry the verdict ("That is unsubstantiated."); later only a noun may.
        if (afterClaim > 0 && SummaryVerdict(lower, afterClaim, afterClaim + NearClaim, allowPronouns: true) is { } near) return new Verdict(near, true);
        if (SummaryVerdict(lower, Math.Max(afterClaim, 0), Math.Max(afterClaim, 0) + SummaryWindow, allowPronouns: false) is { } summary) return new Verdict(summary, true);
        if (ShortVerdictSentence(document, afterClaim) is { } shortVerdict) return new Verdict(shortVerdict, true);
        var title = document.Source.Title?.ToLowerInvariant() ?? FirstLine(lower);
        if (title.StartsWith("fake:", StringComparison.Ordinal)) return new Verdict("Fake", true);
        if (title.StartsWith("disinfo:", StringComparison.Ordinal)) return new Verdict("Disinfo", true);
        // StopFake names what it debunks as a noun: "Russian media disseminated this fake unquestioningly".
        var from = Math.Max(afterClaim, 0);
        var fakeNoun = lower.IndexOf("this fake", from, Math.Min(SummaryWindow, lower.Length - from), StringComparison.Ordinal);
        if (fakeNoun >= 0 && (fakeNoun + 9 == lower.Length || !char.IsLetter(lower[fakeNoun + 9]))) return new Verdict("Fake", true);
        return null;
    }

    /// <summary>"the Russian claims are false", "That is unsubstantiated", "this claim is wildly incorrect".</summary>
    private static string? SummaryVerdict(string lower, int from, int limit, bool allowPronouns)
    {
        limit = Math.Min(limit, lower.Length);
        var best = -1;
        string? found = null;
        foreach (var copula in new[] { " is ", " are ", " was ", " were " })
        {
            var i = from;
            while (i < limit && (i = lower.IndexOf(copula, i, limit - i, StringComparison.Ordinal)) >= 0)
            {
                var subject = LastWord(lower, i);
                if ((Subjects.Contains(subject) || allowPronouns && Pronouns.Contains(subject)) && LexiconAt(lower, i + copula.Length, anywhereWithin: 0) is { } v && (best < 0 || i < best))
                {
                    best = i;
                    found = v;
                    break;
                }
                i += copula.Length;
            }
        }
        return found;
    }

    /// <summary>A sentence that is only a verdict on what precedes it: "That is unsubstantiated."</summary>
    private static string? ShortVerdictSentence(Document document, int from)
    {
        foreach (var sentence in document.Sentences)
        {
            if (sentence.End < from || sentence.Start > from + SummaryWindow) continue;
            var words = document.Slice(sentence).ToLowerInvariant().TrimEnd('.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 3 or > 5 || !Pronouns.Contains(words[0]) || words[1] is not ("is" or "was")) continue;
            var rest = string.Join(' ', words.Skip(2));
            if (Lexicon.Contains(rest)) return TitleCase(rest);
        }
        return null;
    }

    private static string? LexiconAt(string lower, int start, int anywhereWithin)
    {
        for (var offset = 0; offset <= anywhereWithin && start + offset < lower.Length; offset++)
        {
            var at = start + offset;
            if (at > 0 && char.IsLetter(lower[at - 1])) continue;
            foreach (var word in Lexicon)
            {
                if (string.CompareOrdinal(lower, at, word, 0, word.Length) != 0) continue;
                var end = at + word.Length;
                if (end < lower.Length && char.IsLetter(lower[end])) continue;
                return TitleCase(word);
            }
        }
        return null;
    }

    private static string LastWord(string text, int end)
    {
        var e = end;
        while (e > 0 && !char.IsLetter(text[e - 1])) e--;
        var s = e;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        return text[s..e];
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    private static (int, int) NextLine(string text, int from)
    {
        var start = text.IndexOf('\n', from);
        if (start < 0) return (0, 0);
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = text.IndexOf('\n', start);
        return (start, end < 0 ? text.Length : end);
    }

    /// <summary>The first line of a text that has no title of its own, leading blank lines skipped.</summary>
    internal static string FirstLine(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOf('\n');
        return end < 0 ? trimmed : trimmed[..end];
    }

    private static string TitleCase(string phrase) =>
        string.Join(' ', phrase.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
