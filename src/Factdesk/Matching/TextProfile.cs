using System.Text.RegularExpressions;

namespace Factdesk.Matching;

/// <summary>
/// The surface of a text that the reranker compares: its search terms and their bigrams, the numbers in it (with
/// thousands separators dropped, so "1,000" meets "1000") and its capitalised words (names, as stemmed terms).
/// </summary>
public sealed partial record TextProfile(HashSet<string> Terms, HashSet<string> Bigrams, HashSet<string> Numbers, HashSet<string> Names)
{
    /// <summary>The years the text names (1950–2029).</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>The months the text names with their year ("July 2019", "2 January 2018"), as year × 12 + month − 1.</summary>
    public IReadOnlyList<int> Months { get; init; } = [];

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
        var years = Year().Matches(text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var months = MonthYear().Matches(text)
            .Select(m => int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) * 12 + Array.FindIndex(MonthNames, n => m.Groups["month"].Value.StartsWith(n, StringComparison.Ordinal)))
            .Distinct().ToList();
        return new TextProfile(new HashSet<string>(terms, StringComparer.Ordinal), bigrams, numbers, names) { Years = years, Months = months };
    }

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [GeneratedRegex(@"\b(?:19[5-9]\d|20[0-2]\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?<year>(?:19[5-9]|20[0-2])\d)\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex Number();

    // A capitalised word not at the very start of the text; a sentence's first word is not evidence of a name.
    [GeneratedRegex(@"(?<=[^.!?\s]\s+|[""“(]\s*)\p{Lu}[\p{L}'’-]+")]
    private static partial Regex Capitalised();
}
