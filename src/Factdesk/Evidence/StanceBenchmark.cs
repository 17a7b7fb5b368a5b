using System.Globalization;
using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Learning;

namespace Factdesk.Evidence;

/// <summary>
/// Training and scoring the stance classifier on FNC-1 files. The development split holds out whole bodies
/// (<see cref="StableSplit"/> on the Body ID, 20 %), so no article body is seen in training and scored after it.
/// </summary>
public static class StanceBenchmark
{
    public const double DevelopmentShare = 0.2;

    public static bool IsDevelopment(StancePair pair) =>
        StableSplit.IsDevelopment(pair.BodyId.ToString(CultureInfo.InvariantCulture), DevelopmentShare);

    /// <summary>The labelled pairs whose body is in <paramref name="bodies"/>; a pair naming a missing body is an input error.</summary>
    public static IReadOnlyList<StancePair> Labelled(string stancesPath, IReadOnlyList<StancePair> pairs, IReadOnlyDictionary<int, string> bodies)
    {
        if (pairs.FirstOrDefault(p => !bodies.ContainsKey(p.BodyId)) is { } orphan)
            throw new InputException(stancesPath, $"Body ID {orphan.BodyId} is not in the bodies file");
        if (pairs.Any(p => p.Gold is null))
            throw new InputException(stancesPath, "has pairs without a Stance; scoring needs the gold labels");
        return pairs;
    }

    public static (IReadOnlyList<Stance> Predicted, FncScore Score) Evaluate(StanceClassifier classifier, IReadOnlyDictionary<int, string> bodies, IReadOnlyList<StancePair> pairs)
    {
        var (claims, texts) = StanceClassifier.PrepareAll(classifier.Features, bodies, pairs);
        var predicted = classifier.PredictAll(pairs.Select(p => (claims[p.Headline], texts[p.BodyId])).ToArray());
        return (predicted, FncScore.Of(pairs.Select(p => p.Gold!.Value).ToArray(), predicted));
    }

    /// <summary>The rows of <see cref="FncScore.Confusion"/> as text: gold down, predicted across.</summary>
    public static string ConfusionTable(FncScore score)
    {
        var names = FncScore.Classes.Select(FncDataset.Label).ToArray();
        var lines = new List<string> { "gold \\ predicted".PadRight(18) + string.Concat(names.Select(n => n.PadLeft(11))) };
        for (var g = 0; g < names.Length; g++)
            lines.Add(names[g].PadRight(18) + string.Concat(Enumerable.Range(0, names.Length).Select(p => score.Confusion[g, p].ToString(CultureInfo.InvariantCulture).PadLeft(11))));
        return string.Join('\n', lines);
    }

    public static string Summary(FncScore score)
    {
        var perClass = string.Join(", ", FncScore.Classes.Select(c => FormattableString.Invariant($"F1 {FncDataset.Label(c)} {score.F1(c):0.0000}")));
        return FormattableString.Invariant($"FNC score {score.Relative:0.0000} ({score.Score:0.##} of {score.Maximum:0.##}), macro-F1 {score.MacroF1:0.0000}, {perClass}; n = {score.N}");
    }
}
