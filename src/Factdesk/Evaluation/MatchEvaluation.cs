using System.Globalization;
using System.Text;
using Factdesk.Matching;

namespace Factdesk.Evaluation;

/// <summary>Scores a <see cref="ClaimMatcher"/> on a retrieval benchmark with the CheckThat! measures.</summary>
public static class MatchEvaluation
{
    public const string TaskName = "match";
    private const int Depth = 100;

    /// <summary>The retrievers compared in the report: the hybrid, and each half of it alone.</summary>
    public static readonly IReadOnlyDictionary<string, ClaimMatcher.Weights> Variants = new Dictionary<string, ClaimMatcher.Weights>
    {
        ["bm25 only"] = new(0, 0, 1),
        ["embedding only"] = new(0.7, 0.3, 0),
    };

    /// <summary>The queries that have relevance judgements, with their vectors, encoded together.</summary>
    public static (List<(string Id, string Text)> Queries, float[][] Vectors) JudgedQueries(RetrievalBenchmark benchmark, SentenceEncoder encoder)
    {
        var judged = benchmark.Queries.Where(q => benchmark.Relevant.ContainsKey(q.Id)).ToList();
        return (judged, encoder.Encode(judged.Select(q => q.Text).ToArray()));
    }

    public static (EvalReport Report, string Run) Score(RetrievalBenchmark benchmark, ClaimMatcher matcher, (List<(string Id, string Text)> Queries, float[][] Vectors) judged, ClaimMatcher.Weights? weights = null, string tag = "factdesk")
    {
        double map1 = 0, map3 = 0, map5 = 0, mrr = 0, recall10 = 0;
        var run = new StringBuilder();
        for (var q = 0; q < judged.Queries.Count; q++)
        {
            var (id, text) = judged.Queries[q];
            var hits = matcher.Match(text, judged.Vectors[q], Depth, weights);
            var ranked = hits.Select(h => h.Entry.Id).ToList();
            var relevant = benchmark.Relevant[id];
            map1 += RankingMetrics.AveragePrecisionAt(ranked, relevant, 1);
            map3 += RankingMetrics.AveragePrecisionAt(ranked, relevant, 3);
            map5 += RankingMetrics.AveragePrecisionAt(ranked, relevant, 5);
            mrr += RankingMetrics.ReciprocalRank(ranked, relevant);
            recall10 += RankingMetrics.RecallAt(ranked, relevant, 10);
            for (var r = 0; r < hits.Count; r++)
                run.Append(CultureInfo.InvariantCulture, $"{id}\tQ0\t{hits[r].Entry.Id}\t{r + 1}\t{hits[r].Score:0.######}\t{tag}\n");
        }
        var n = Math.Max(judged.Queries.Count, 1);
        var report = new EvalReport(TaskName, judged.Queries.Count, new Dictionary<string, double>
        {
            ["map_at_1"] = map1 / n,
            ["map_at_3"] = map3 / n,
            ["map_at_5"] = map5 / n,
            ["mrr"] = mrr / n,
            ["recall_at_10"] = recall10 / n,
        });
        return (report, run.ToString());
    }
}
