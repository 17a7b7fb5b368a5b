using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class BratAttributionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Relations_tie_content_cue_and_source_and_fragments_keep_their_outer_bounds()
    {
        var relations = BratAttributions.Parse(PolnearFixture.Ann);

        Assert.Equal(
        [
            new Attribution(new RoleSpan(15, 47), new RoleSpan(10, 14), new RoleSpan(0, 9)),
            new Attribution(new RoleSpan(58, 86), new RoleSpan(52, 57), new RoleSpan(49, 51)),
        ], relations);
    }

    [Fact]
    public void A_relation_without_source_keeps_a_null_source()
    {
        var relations = BratAttributions.Parse("T1\tCue 10 14\tsaid\nT2\tContent 15 47\tx\nE1\tAttribution:T1 Content:T2 Cue:T1\n");

        Assert.Null(Assert.Single(relations).Source);
    }

    [Fact]
    public void Written_relations_read_back_the_same()
    {
        var relations = BratAttributions.Parse(PolnearFixture.Ann);

        var written = BratAttributions.Write(PolnearFixture.Text, relations);

        Assert.Equal(relations, BratAttributions.Parse(written));
        Assert.Contains("T1\tContent 15 47\tthe new bridge will open in June", written);
    }

    [Fact]
    public void A_split_uses_the_first_annotator_and_the_raw_text()
    {
        var article = Assert.Single(PolnearBenchmark.Read(PolnearFixture.WriteSplit(_temp)));

        Assert.Equal("city-news", article.Name);
        Assert.Equal(PolnearFixture.Text, article.Text);
        Assert.Equal(2, article.Gold.Count);
    }
}
