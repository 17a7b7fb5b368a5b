using System.Globalization;

namespace Factdesk.Publishing.Site;

/// <summary>WCAG 2 contrast between two #rrggbb colours, which decides the badges' text colour and is what the tests hold them to.</summary>
internal static class Contrast
{
    /// <summary>WCAG AA for normal-size text; badges are bold but small, so they get no large-text allowance.</summary>
    public const double MinimumForText = 4.5;

    public static bool IsHexColour(string colour) =>
        colour.Length == 7 && colour[0] == '#' && colour[1..].All(char.IsAsciiHexDigit);

    /// <summary>From 1 (the same colour) to 21 (black on white); the order of the two colours does not matter.</summary>
    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    // WCAG relative luminance.
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
