namespace Factdesk.Evaluation;

/// <summary>Precision, recall and F1 of the positive class; each is 0 when its denominator is.</summary>
public sealed record BinaryMetrics(double Precision, double Recall, double F1)
{
    public static BinaryMetrics At(IReadOnlyList<bool> gold, IReadOnlyList<double> scores, double threshold)
    {
        if (gold.Count != scores.Count) throw new ArgumentException("one score per item is needed", nameof(scores));
        int truePositive = 0, predicted = 0, actual = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var positive = scores[i] >= threshold;
            if (positive) predicted++;
            if (gold[i]) actual++;
            if (positive && gold[i]) truePositive++;
        }
        var precision = predicted == 0 ? 0 : (double)truePositive / predicted;
        var recall = actual == 0 ? 0 : (double)truePositive / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(precision, recall, f1);
    }
}
