using Factdesk.Ingestion;
using Factdesk.Publishing;

namespace Factdesk.Tests.Publishing;

public sealed class RatingScaleTests
{
    [Theory]
    [InlineData("polygraph", 8, "False", "True")]
    [InlineData("politifact", 6, "Pants on Fire", "True")]
    [InlineData("averitec", 4, "Refuted", "Supported")]
    public void Built_in_scales_run_from_worst_to_best(string id, int labels, string worst, string best)
    {
        var scale = RatingScales.Get(id);

        Assert.Equal(labels, scale.Labels.Count);
        Assert.Equal(worst, scale.Labels[0].Name);
        Assert.Equal(best, scale.Labels[^1].Name);
        Assert.Equal(1, scale.WorstValue);
        Assert.True(scale.BestValue > scale.WorstValue);
        Assert.All(scale.Labels, l => Assert.Matches("^#[0-9a-f]{6}$", l.Colour));
        Assert.All(scale.Labels, l => Assert.NotEmpty(l.Description));
    }

    [Theory]
    [InlineData("polygraph", "Incorrect", "False")]
    [InlineData("polygraph", "Pants on Fire", "False")]
    [InlineData("polygraph", "mostly true", "Likely True")]
    [InlineData("polygraph", "Half-True", "Partially True")]
    [InlineData("politifact", "Unsubstantiated", "Half True")] // not on the Truth-O-Meter: placed by its truth value
    [InlineData("politifact", "Likely False", "Mostly False")]
    [InlineData("averitec", "Misleading", "Conflicting Evidence/Cherrypicking")]
    [InlineData("averitec", "Disinfo", "Refuted")]
    public void Other_outlets_words_map_onto_the_scale(string id, string words, string expected) =>
        Assert.Equal(expected, RatingScales.Get(id).Map(words)?.Name);

    [Fact]
    public void Words_that_are_no_verdict_map_to_nothing() =>
        Assert.Null(RatingScales.Default.Map("a very interesting article"));

    [Fact]
    public void A_team_can_load_its_own_scale_from_a_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("ours.json", """
            { "id": "ours", "name": "Our newsroom", "labels": [
              { "name": "Wrong", "value": 1, "truth": 0, "color": "#aa0000", "aliases": ["false"] },
              { "name": "Right", "value": 2, "truth": 1, "color": "#00aa00" } ] }
            """);

        var scale = RatingScales.Get(path);

        Assert.Equal("ours", scale.Id);
        Assert.Equal("#aa0000", scale.Labels[0].Colour); // American spelling accepted too
        Assert.Equal("Wrong", scale.Map("Pants on Fire")?.Name);
        Assert.Equal("Right", scale.Map("Mostly True")?.Name);
    }

    [Theory]
    [InlineData("{ not json", "is not a valid rating scale file")]
    [InlineData("""{ "id": "x", "labels": [ { "name": "Only", "value": 1 } ] }""", "at least two")]
    [InlineData("""{ "id": "x", "labels": [ { "name": "A", "value": 1 }, { "name": "B", "value": 1 } ] }""", "distinct")]
    public void A_broken_scale_file_is_a_clear_input_error(string content, string problem)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("bad.json", content);

        var error = Assert.Throws<InputException>(() => RatingScales.Get(path));
        Assert.Contains("bad.json", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void An_unknown_scale_name_says_which_exist()
    {
        var error = Assert.Throws<InputException>(() => RatingScales.Get("truthometer"));
        Assert.Contains("polygraph", error.Message);
    }
}
