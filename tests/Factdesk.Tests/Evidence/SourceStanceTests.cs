using Factdesk.Documents;
using Factdesk.Evidence;

namespace Factdesk.Tests.Evidence;

public sealed class SourceStanceTests
{
    private const string Claim = "The coalition colluded with the militants near Raqqa";

    private static readonly Lazy<SourceStance> WithModel = new(() => new SourceStance(
        StanceClassifier.Train(SyntheticStances.Bodies(), SyntheticStances.Pairs(Enumerable.Range(0, 10)), SyntheticStances.SmallOptions)));

    [Fact]
    public void An_explicit_refuting_cue_decides_whatever_the_model_says()
    {
        const string said = "That is absolutely false, there was no deal with the militants.";
        Assert.Equal(Stance.Refutes, WithModel.Value.Predict(Claim, said, said));
    }

    [Fact]
    public void Without_a_model_the_rules_decide()
    {
        var rulesOnly = new SourceStance(null);
        Assert.False(rulesOnly.UsesModel);
        const string said = "The militants left Raqqa in buses, the coalition said.";
        Assert.Equal(StanceRules.Predict(Claim, said, said), rulesOnly.Predict(Claim, said, said));
    }

    [Fact]
    public void What_the_model_finds_unrelated_falls_back_to_the_rules()
    {
        const string said = "The weather in the mountains was cold.";
        Assert.Equal(StanceRules.Predict(Claim, said, said), WithModel.Value.Predict(Claim, said, said));
    }
}
