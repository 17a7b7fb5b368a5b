namespace Factdesk.Evaluation;

/// <summary>
/// The CheckThat! ranking measures for one query: average precision within the top k (precision at each relevant
/// hit, summed and divided by the number of relevant items), reciprocal rank, and recall within the top k.
/// </summary>
public static class RankingMetrics
{
    public static double AveragePrecisionAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        if (relevant.Count == 0) return 0;
        double sum = 0;
        var found = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (!relevant.Contains(ranked[i])) continue;
            found++;
            sum += (double)found / (i + 1);
        }
        return sum / relevant.Count;
    }

    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.Contains) / relevant.Count;
}
