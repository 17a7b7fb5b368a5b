using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>
/// The verdict as a coloured badge that always carries its words, so colour is never the only signal. Colours live
/// in the stylesheet (one class per label of the scale), not in style attributes, so the pages need no inline CSS.
/// </summary>
internal static class VerdictBadge
{
    public const string Neutral = "#5e5c64";
    private const string Dark = "#111111";

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
            css.Append(Rule(ClassOf(label), Contrast.IsHexColour(label.Colour) ? label.Colour : Neutral));
        return css.ToString();
    }

    private static string Rule(string name, string background) =>
        $".{name}{{background:{background};color:{TextColour(background)}}}\n";

    /// <summary>White or near-black, whichever contrasts more with <paramref name="background"/>.</summary>
    public static string TextColour(string background) =>
        Contrast.Ratio(background, "#ffffff") >= Contrast.Ratio(background, Dark) ? "#ffffff" : Dark;
}
