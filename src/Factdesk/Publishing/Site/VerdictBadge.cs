using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>
/// The verdict as a coloured badge that always carries its words, so colour is never the only signal. Colours live
/// in the stylesheet (one class per label of the scale), not in style attributes, so the pages need no inline CSS.
/// </summary>
internal static class VerdictBadge
{
    private const string Neutral = "#5e5c64";

    public static string Render(SiteEntry entry)
    {
        var words = entry.Label?.Name ?? entry.Fact.Verdict ?? "Not rated";
        var stated = entry.Label is not null && entry.Fact.Verdict is { } v && !string.Equals(v.Trim(), entry.Label.Name, StringComparison.OrdinalIgnoreCase)
            ? $" <span class=\"stated\">(the publisher’s words: “{Html.Encode(v)}”)</span>"
            : "";
        return $"<span class=\"badge {ClassOf(entry.Label)}\">{Html.Encode(words)}</span>{stated}";
    }

    public static string ClassOf(RatingLabel? label) =>
        label is null ? "verdict-other" : $"verdict-{label.Value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// One rule per label. The text is white or near-black, whichever contrasts more with the label's colour: a team's
    /// own scale may choose light colours.
    /// </summary>
    public static string Styles(RatingScale scale)
    {
        var css = new StringBuilder();
        css.Append(Rule("verdict-other", Neutral));
        foreach (var label in scale.Labels)
            css.Append(Rule(ClassOf(label), IsHexColour(label.Colour) ? label.Colour : Neutral));
        return css.ToString();
    }

    private static string Rule(string name, string background) =>
        $".{name}{{background:{background};color:{TextColour(background)}}}\n";

    private static bool IsHexColour(string colour) =>
        colour.Length == 7 && colour[0] == '#' && colour[1..].All(char.IsAsciiHexDigit);

    private static string TextColour(string background)
    {
        var luminance = Luminance(background);
        var againstWhite = 1.05 / (luminance + 0.05);
        var againstDark = (luminance + 0.05) / (Luminance("#111111") + 0.05);
        return againstWhite >= againstDark ? "#ffffff" : "#111111";
    }

    // WCAG relative luminance of a #rrggbb colour.
    private static double Luminance(string hex)
    {
        double Channel(int start)
        {
            var c = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
