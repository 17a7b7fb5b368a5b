namespace Factdesk.Evaluation;

/// <summary>
/// Ranking scores as in the CLEF CheckThat! scorers. For check-worthiness, sentences ranked by score (ties keep
/// input order): average precision is the mean precision at the rank of each relevant item, and P@k divides by k
/// even when fewer items exist. For claim retrieval, one query's ranked ids: average precision within the top k
/// divides by the number of relevant items, plus reciprocal rank and recall within the top k.
/// </summary>
public static class RankingMetrics
{
    public static readonly int[] Cutoffs = [5, 10, 20, 30];

    /// <summary>The relevance labels in ranked order, best score first.</summary>
    public static bool[] Rank(IReadOnlyList<bool> relevant, IReadOnlyList<double> scores)
    {
        if (relevant.Count != scores.Count) throw new ArgumentException("one score per item is needed", nameof(scores));
        return Enumerable.Range(0, relevant.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => relevant[i]).ToArray();
    }

    /// <summary>Average precision of a ranking; 0 when nothing in it is relevant.</summary>
    public static double AveragePrecision(IReadOnlyList<bool> ranked)
    {
        double sum = 0;
        var hits = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (!ranked[i]) continue;
            hits++;
            sum += (double)hits / (i + 1);
        }
        return hits == 0 ? 0 : sum / hits;
    }

    public static double PrecisionAt(IReadOnlyList<bool> ranked, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return (double)ranked.Take(k).Count(r => r) / k;
    }

    /// <summary>map and p_at_K averaged over the rankings (one per debate or topic).</summary>
    public static IReadOnlyDictionary<string, double> Averaged(IReadOnlyList<bool[]> rankings)
    {
        var metrics = new Dictionary<string, double>();
        if (rankings.Count == 0) return metrics;
        metrics["map"] = rankings.Average(AveragePrecision);
        foreach (var k in Cutoffs)
            metrics[$"p_at_{k}"] = rankings.Average(r => PrecisionAt(r, k));
        return metrics;
    }

    // Claim retrieval: ranked ids against the set of relevant ids.
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
