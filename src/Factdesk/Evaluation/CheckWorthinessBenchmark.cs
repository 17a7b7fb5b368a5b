using System.Globalization;
using System.Text;
using Factdesk.Claims;

namespace Factdesk.Evaluation;

/// <summary>
/// Scores check-worthiness predictions: positive-class precision, recall and F1 at a threshold, and, for data sets
/// made of rankings (debates, tweet topics), MAP and P@k per group averaged over the groups.
/// </summary>
public static class CheckWorthinessBenchmark
{
    public const string TaskName = "checkworthy";

    public static EvalReport Score(IReadOnlyList<LabelledSentence> items, IReadOnlyList<double> scores, double threshold, bool ranked)
    {
        if (items.Count != scores.Count) throw new ArgumentException("one score per item is needed", nameof(scores));
        var binary = BinaryMetrics.At(items.Select(i => i.Label).ToArray(), scores, threshold);
        var metrics = new Dictionary<string, double>();
        if (ranked)
        {
            var rankings = Enumerable.Range(0, items.Count)
                .GroupBy(i => items[i].Group)
                .Select(g => RankingMetrics.Rank(g.Select(i => items[i].Label).ToArray(), g.Select(i => scores[i]).ToArray()))
                .ToArray();
            foreach (var (name, value) in RankingMetrics.Averaged(rankings))
                metrics[name] = value;
        }
        metrics["f1"] = binary.F1;
        metrics["precision"] = binary.Precision;
        metrics["recall"] = binary.Recall;
        return new EvalReport(TaskName, items.Count, metrics);
    }

    /// <summary>`id TAB score` lines in input order.</summary>
    public static string Predictions(IReadOnlyList<LabelledSentence> items, IReadOnlyList<double> scores)
    {
        var text = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
            text.Append(items[i].Id).Append('\t').Append(scores[i].ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }
}
