using Factdesk.Documents;

namespace Factdesk.Evidence;

/// <summary>
/// The stance of a quoted source toward a reviewed claim, from the trained classifier and the cue rules together.
/// The model learned from whole news bodies, a quote is one sentence, so: an explicit refuting cue
/// (<see cref="StanceRules"/>: "false", "denied", a negation in answer to the claim) decides refutes; otherwise the
/// model's label stands when it finds the quote related; when the model finds it unrelated (a short quote shares few
/// words), the rules' reading of shared words and entities decides. Without a shipped model, the rules alone.
/// </summary>
public sealed class SourceStance(StanceClassifier? model)
{
    /// <summary>With the model built into Factdesk, if this build has one.</summary>
    public static SourceStance Default() => new(StanceClassifier.Shipped);

    public bool UsesModel => model is not null;

    public Stance Predict(string claim, string statement, string context, bool sharesEntity = false)
    {
        var rules = StanceRules.Predict(claim, statement, context, sharesEntity);
        if (model is null || rules == Stance.Refutes) return rules;
        var learned = model.Predict(claim, context);
        return learned == Stance.Unrelated ? rules : learned;
    }
}
