using System.Text.RegularExpressions;

namespace Factdesk.Evaluation;

/// <summary>
/// The article-extraction-benchmark metric: texts are compared as multisets of 4-word shingles, precision and
/// recall are taken per page and averaged over pages, and F1 is computed from those two averages.
/// </summary>
public static partial class ShingleScorer
{
    public const int ShingleSize = 4;

    public static readonly IReadOnlyList<string> MetricNames = ["f1", "precision", "recall"];

    /// <summary>Scores one page.</summary>
    public static PageScore ScorePage(string gold, string predicted)
    {
        var goldShingles = Shingles(gold);
        var predictedShingles = Shingles(predicted);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, goldCount) in goldShingles)
        {
            var predictedCount = predictedShingles.GetValueOrDefault(shingle);
            tp += Math.Min(goldCount, predictedCount);
            fn += Math.Max(0, goldCount - predictedCount);
        }
        foreach (var (shingle, predictedCount) in predictedShingles)
            fp += Math.Max(0, predictedCount - goldShingles.GetValueOrDefault(shingle));

        // Same conventions as the benchmark's evaluate.py: a perfect match (including two empty texts) is 1/1,
        // and nothing right is 0 rather than undefined.
        if (fp == 0 && fn == 0)
            return new PageScore(1, 1);
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new PageScore(precision, recall);
    }

    /// <summary>Scores pages given as (gold, predicted) pairs; every page weighs the same however long it is.</summary>
    public static EvalReport Score(string task, IEnumerable<(string Gold, string Predicted)> pages)
    {
        double precisionSum = 0, recallSum = 0;
        var n = 0;
        foreach (var (gold, predicted) in pages)
        {
            var page = ScorePage(gold, predicted);
            precisionSum += page.Precision;
            recallSum += page.Recall;
            n++;
        }
        var precision = n == 0 ? 0 : precisionSum / n;
        var recall = n == 0 ? 0 : recallSum / n;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EvalReport(task, n, new Dictionary<string, double>
        {
            ["f1"] = f1,
            ["precision"] = precision,
            ["recall"] = recall,
        });
    }

    /// <summary>
    /// Word tokens as the benchmark defines them: Python's Unicode <c>\w+</c>. .NET's <c>\w</c> differs (it adds
    /// combining marks and connector punctuation, and drops letter-like and other numbers such as "²"), which moved
    /// full-page scores by 0.0002, so the class is spelled out.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).ToArray();

    /// <summary>
    /// Counts of space-joined runs of <see cref="ShingleSize"/> tokens. A text shorter than that is one shingle
    /// of all its tokens, so short texts still count; an empty text has none.
    /// </summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
            return counts;
        var starts = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < starts; i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
        }
        return counts;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}\p{Nl}\p{No}_]+")]
    private static partial Regex WordPattern();
}

/// <summary>Shingle precision and recall of one page.</summary>
public readonly record struct PageScore(double Precision, double Recall);
