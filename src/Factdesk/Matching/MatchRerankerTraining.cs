using Factdesk.Evaluation;

namespace Factdesk.Matching;

/// <summary>Choosing the reranker's settings by cross-validation over training queries, so development data is never tuned on.</summary>
public static class MatchRerankerTraining
{
    /// <summary>MAP@5 of models trained on the other folds, each scored on its held-out fold (folds by query position).</summary>
    public static double CrossValidate(IReadOnlyList<RerankGroup> groups, MatchRerankerOptions options, int folds = 5)
    {
        if (groups.Count < folds) throw new ArgumentException($"cross-validation needs at least {folds} queries", nameof(groups));
        double sum = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var train = groups.Where((_, i) => i % folds != fold).ToList();
            var held = groups.Where((_, i) => i % folds == fold).ToList();
            var model = MatchReranker.Train(train, options);
            sum += held.Sum(g => MeanAveragePrecisionAt5(model, g));
        }
        return sum / groups.Count;
    }

    /// <summary>MAP@5 of the first stage alone, for comparison on the same queries.</summary>
    public static double FirstStage(IReadOnlyList<RerankGroup> groups) =>
        groups.Average(g => RankingMetrics.AveragePrecisionAt(g.Pool.Select(c => c.Entry.Id).ToList(), g.Relevant, 5));

    private static double MeanAveragePrecisionAt5(MatchReranker model, RerankGroup group) =>
        RankingMetrics.AveragePrecisionAt(model.Rerank(group.Pool, group.Features).Select(r => r.Candidate.Entry.Id).ToList(), group.Relevant, 5);
}
