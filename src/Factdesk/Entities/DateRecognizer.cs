using System.Text.RegularExpressions;
using Factdesk.Documents;

namespace Factdesk.Entities;

/// <summary>Calendar dates written out in English ("June 6", "22 November 2023", "early June", "2023-03-26").</summary>
public static partial class DateRecognizer
{
    private const string Month = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";

    [GeneratedRegex(
        "(?:(?:early|mid|late)[- ]" + Month + "(?:,? [12][0-9]{3})?)" +
        "|(?:" + Month + " [12][0-9]{3})" + // before "Month day", which would take "March 20" out of "March 2024"
        "|(?:" + Month + " [0-3]?[0-9](?:st|nd|rd|th)?(?:, [12][0-9]{3})?)" +
        "|(?:[0-3]?[0-9] " + Month + "(?: [12][0-9]{3})?)" +
        "|(?:[12][0-9]{3}-[01][0-9]-[0-3][0-9])",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static IEnumerable<Entity> Find(string text)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            // Whole words only: "10 Mayor" is no date.
            if (m.Index > 0 && char.IsLetterOrDigit(text[m.Index - 1])) continue;
            var end = m.Index + m.Length;
            if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
            yield return new Entity(m.Value, EntityType.Date, m.Index, end, m.Value);
        }
    }
}
