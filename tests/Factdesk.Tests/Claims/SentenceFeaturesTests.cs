using Factdesk.Claims;

namespace Factdesk.Tests.Claims;

public sealed class SentenceFeaturesTests
{
    [Theory]
    [InlineData("TRUMP: We lost 70,000 factories.", "We lost 70,000 factories.")]
    [InlineData("Sen. WARREN: The bill passed in 2010.", "The bill passed in 2010.")]
    [InlineData("THE COUNCIL SPENT 4 MILLION ON ROADS.", "the council spent 4 million on roads.")]
    [InlineData("  Prices   rose\n by 3%.  ", "Prices rose by 3%.")]
    public void Normalise_drops_speaker_labels_shouting_and_extra_space(string text, string expected) =>
        Assert.Equal(expected, SentenceFeatures.Normalise(text));

    [Fact]
    public void Features_count_numbers_names_and_pronouns()
    {
        var f = SentenceFeatures.Compute("In 2019 Harbour Authority said we moved 1,200 ships, up 15%.");

        Assert.Equal(SentenceFeatures.Count, f.Length);
        Assert.True(f[1] >= 3);   // 2019, 1,200, 15
        Assert.Equal(2, f[3]);    // Harbour, Authority
        Assert.Equal(1, f[5]);    // we
        Assert.Equal(1, f[11]);   // %
        Assert.Equal(1, f[12]);   // a year
        Assert.All(f, v => Assert.True(v >= 0));
    }

    [Fact]
    public void Empty_text_has_all_zero_features() =>
        Assert.All(SentenceFeatures.Compute(""), v => Assert.Equal(0, v));
}
