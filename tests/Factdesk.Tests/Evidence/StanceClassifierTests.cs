using Factdesk.Documents;
using Factdesk.Evidence;

namespace Factdesk.Tests.Evidence;

/// <summary>Training on the small synthetic set and predicting held-out topics; odd input gets a defined answer.</summary>
public sealed class StanceClassifierTests
{
    private static readonly Lazy<StanceClassifier> Trained = new(() =>
        StanceClassifier.Train(SyntheticStances.Bodies(), SyntheticStances.Pairs(Enumerable.Range(0, 15)), SyntheticStances.SmallOptions));

    [Fact]
    public void Learns_the_stances_of_topics_it_has_not_seen()
    {
        var held = SyntheticStances.Pairs(Enumerable.Range(15, 5));
        var (_, score) = StanceBenchmark.Evaluate(Trained.Value, SyntheticStances.Bodies(), held);
        Assert.True(score.Relative >= 0.8, StanceBenchmark.Summary(score));
        Assert.Equal(1.0, score.F1(Stance.Unrelated), 2);
    }

    [Fact]
    public void Predicts_one_pair_like_the_batch()
    {
        var bodies = SyntheticStances.Bodies();
        var pairs = SyntheticStances.Pairs([17]);
        var (batch, _) = StanceBenchmark.Evaluate(Trained.Value, bodies, pairs);
        Assert.Equal(batch, pairs.Select(p => Trained.Value.Predict(p.Headline, bodies[p.BodyId])).ToArray());
    }

    [Fact]
    public void Saved_model_loads_and_predicts_the_same()
    {
        using var stream = new MemoryStream();
        Trained.Value.Save(stream);
        stream.Position = 0;
        var loaded = StanceClassifier.Load(stream);
        var bodies = SyntheticStances.Bodies();
        foreach (var pair in SyntheticStances.Pairs([16, 18]))
            Assert.Equal(Trained.Value.Predict(pair.Headline, bodies[pair.BodyId]), loaded.Predict(pair.Headline, bodies[pair.BodyId]));
    }

    [Theory]
    [InlineData("", "The harbour reopened on Monday after repairs.")]
    [InlineData("   ", "The harbour reopened on Monday after repairs.")]
    [InlineData("Mayor Ellen Barrow closed the northern ferry line", "")]
    [InlineData("Mayor Ellen Barrow closed the northern ferry line", " \n\t ")]
    public void Empty_claim_or_text_is_unrelated(string claim, string text) =>
        Assert.Equal(Stance.Unrelated, Trained.Value.Predict(claim, text));

    [Fact]
    public void A_claim_in_another_language_is_unrelated()
    {
        var body = SyntheticStances.Bodies()[11];
        Assert.Equal(Stance.Unrelated, Trained.Value.Predict("Мэр Эллен Барроу закрыла северную паромную линию, и это не шутка", body));
        Assert.Equal(Stance.Unrelated, Trained.Value.Predict("La alcaldesa Ellen Barrow cerró la línea de ferry del norte y no es una broma", body));
    }

    [Fact]
    public void A_megabyte_body_is_read_up_to_the_cap()
    {
        var body = string.Concat(Enumerable.Repeat(SyntheticStances.Bodies()[2] + "\n", 1_000_000 / 200));
        Assert.True(body.Length > 1_000_000);
        Assert.Equal(StanceText.MaxChars, StanceText.Of(body).Raw.Length);
        Assert.NotEqual(Stance.Unrelated, Trained.Value.Predict(SyntheticStances.Headline(0), body));
    }
}
