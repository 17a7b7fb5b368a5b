using System.Text.RegularExpressions;

namespace Factdesk.Matching;

/// <summary>
/// The surface of a text that the reranker compares: its search terms and their bigrams, the numbers in it (with
/// thousands separators dropped, so "1,000" meets "1000") and its capitalised words (names, as stemmed terms).
/// </summary>
public sealed partial record TextProfile(HashSet<string> Terms, HashSet<string> Bigrams, HashSet<string> Numbers, HashSet<string> Names)
{
    public static TextProfile Of(string text)
    {
        var terms = SearchTerms.Of(text);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < terms.Count; i++) bigrams.Add(terms[i - 1] + " " + terms[i]);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Number().Matches(text)) numbers.Add(m.Value.Replace(",", "", StringComparison.Ordinal));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Capitalised().Matches(text))
            foreach (var term in SearchTerms.Of(m.Value)) names.Add(term);
        return new TextProfile(new HashSet<string>(terms, StringComparer.Ordinal), bigrams, numbers, names);
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex Number();

    // A capitalised word not at the very start of the text; a sentence's first word is not evidence of a name.
    [GeneratedRegex(@"(?<=[^.!?\s]\s+|[""“(]\s*)\p{Lu}[\p{L}'’-]+")]
    private static partial Regex Capitalised();
}
