using Factdesk.Publishing;
using Factdesk.Publishing.Site;

namespace Factdesk.Tests.Publishing;

public sealed class BadgeContrastTests
{
    public static TheoryData<string, string, string> BuiltInLabels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var scale in RatingScales.BuiltIn)
            foreach (var label in scale.Labels)
                data.Add(scale.Id, label.Name, label.Colour);
        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInLabels))]
    public void Every_built_in_badge_reads_at_wcag_aa_contrast(string scale, string label, string colour)
    {
        var ratio = Contrast.Ratio(colour, VerdictBadge.TextColour(colour));
        Assert.True(ratio >= Contrast.MinimumForText, $"{scale} \"{label}\" ({colour}): {ratio:F2}:1 is below {Contrast.MinimumForText}:1");
    }

    [Fact]
    public void The_badge_of_unplaced_verdicts_reads_at_wcag_aa_contrast() =>
        Assert.InRange(Contrast.Ratio(VerdictBadge.Neutral, VerdictBadge.TextColour(VerdictBadge.Neutral)), Contrast.MinimumForText, 21);

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)] // the grey that famously just misses AA on white
    [InlineData("#0b4f9c", "#0b4f9c", 1.0)]
    public void Contrast_ratios_match_the_wcag_formula(string first, string second, double expected) =>
        Assert.Equal(expected, Contrast.Ratio(first, second), precision: 2);

    [Fact]
    public void A_light_colour_from_a_teams_own_scale_gets_dark_text() =>
        Assert.Equal("#111111", VerdictBadge.TextColour("#ffd700"));
}
