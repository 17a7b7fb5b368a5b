using Factdesk.Documents;
using Factdesk.Evaluation;

namespace Factdesk.Evidence;

/// <summary>
/// The FNC-1 scores of predicted stances against gold ones. The official score gives 0.25 for getting related vs
/// unrelated right and 0.75 more for the exact label of a related pair, reported as a fraction of the maximum; it
/// favours the majority class (Hanselowski et al. 2018), so macro-F1 over the four classes is reported beside it.
/// </summary>
public sealed class FncScore
{
    public const string TaskName = "stance";

    /// <summary>The classes in FNC-1 order (agree, disagree, discuss, unrelated): rows and columns of <see cref="Confusion"/>.</summary>
    public static readonly Stance[] Classes = [Stance.Supports, Stance.Refutes, Stance.Discusses, Stance.Unrelated];

    private FncScore(int[,] confusion, double score, double maximum)
    {
        Confusion = confusion;
        Score = score;
        Maximum = maximum;
    }

    /// <summary>Confusion[gold, predicted] in the order of <see cref="Classes"/>.</summary>
    public int[,] Confusion { get; }
    public double Score { get; }
    public double Maximum { get; }
    public int N => Confusion.Cast<int>().Sum();

    /// <summary>The official score as a fraction of the maximum (0 when nothing was scored).</summary>
    public double Relative => Maximum == 0 ? 0 : Score / Maximum;

    public static FncScore Of(IReadOnlyList<Stance> gold, IReadOnlyList<Stance> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold stances but {predicted.Count} predictions");
        var confusion = new int[Classes.Length, Classes.Length];
        double score = 0, maximum = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[Index(gold[i]), Index(predicted[i])]++;
            var goldRelated = gold[i] != Stance.Unrelated;
            maximum += goldRelated ? 1.0 : 0.25;
            if (goldRelated == (predicted[i] != Stance.Unrelated)) score += 0.25;
            if (goldRelated && gold[i] == predicted[i]) score += 0.75;
        }
        return new FncScore(confusion, score, maximum);
    }

    public double F1(Stance stance)
    {
        var k = Index(stance);
        int truePositives = Confusion[k, k], goldCount = 0, predictedCount = 0;
        for (var j = 0; j < Classes.Length; j++)
        {
            goldCount += Confusion[k, j];
            predictedCount += Confusion[j, k];
        }
        return goldCount + predictedCount == 0 ? 0 : 2.0 * truePositives / (goldCount + predictedCount);
    }

    public double MacroF1 => Classes.Average(F1);

    public EvalReport ToReport()
    {
        var metrics = new Dictionary<string, double> { ["fnc_score"] = Relative, ["macro_f1"] = MacroF1 };
        foreach (var stance in Classes)
            metrics["f1_" + FncDataset.Label(stance)] = F1(stance);
        return new EvalReport(TaskName, N, metrics);
    }

    private static int Index(Stance stance) => Array.IndexOf(Classes, stance);
}
