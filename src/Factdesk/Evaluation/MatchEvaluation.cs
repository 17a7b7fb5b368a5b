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

    /// <summary>The matcher over a benchmark's collection, with claim and title vectors from the embedding cache.</summary>
    public static ClaimMatcher Matcher(RetrievalBenchmark benchmark, SentenceEncoder encoder)
    {
        var claims = EmbeddingCache.EncodeCached(encoder, benchmark.Collection.Select(e => e.Claim).ToArray());
        var titled = benchmark.Collection.Select(e => e.Title ?? "").ToArray();
        var titleVectors = EmbeddingCache.EncodeCached(encoder, titled);
        var titles = titleVectors.Select((v, i) => string.IsNullOrWhiteSpace(titled[i]) ? null : v).ToArray();
        return new ClaimMatcher(benchmark.Collection, encoder, claims, titles);
    }

    /// <summary>The judged queries prepared for the reranker, in their order; with the second encoder's vectors when <paramref name="second"/> is given.</summary>
    public static RerankQuery[] Prepared((List<(string Id, string Text)> Queries, float[][] Vectors) judged, SentenceEncoder encoder, SentenceEncoder? second = null)
    {
        var prepared = RerankQuery.Encode(judged.Queries.Select(q => q.Text).ToArray(), judged.Vectors, encoder);
        if (second is null) return prepared;
        var vectors = second.EncodeQueries(judged.Queries.Select(q => q.Text).ToArray());
        return prepared.Select((p, i) => p with { SecondVector = vectors[i] }).ToArray();
    }

    /// <summary>Gives the matcher the second encoder's claim and title vectors (from the embedding cache, under that model's key).</summary>
    public static void UseSecondEncoder(ClaimMatcher matcher, RetrievalBenchmark benchmark, SentenceEncoder second)
    {
        var claims = EmbeddingCache.EncodeCached(second, benchmark.Collection.Select(e => e.Claim).ToArray());
        var titled = benchmark.Collection.Select(e => e.Title ?? "").ToArray();
        var titles = EmbeddingCache.EncodeCached(second, titled).Select((v, i) => string.IsNullOrWhiteSpace(titled[i]) ? null : v).ToArray();
        matcher.UseSecondVectors(claims, titles);
    }

    /// <summary>
    /// Reranker training groups: each judged query with its first-stage pool and relevant ids; with a
    /// <paramref name="second"/> encoder, the first <paramref name="depth"/> candidates also carry its cosines.
    /// </summary>
    public static List<RerankGroup> RerankGroups(RetrievalBenchmark benchmark, ClaimMatcher matcher, SentenceEncoder encoder, SentenceEncoder? second = null, int depth = 30)
    {
        var judged = JudgedQueries(benchmark, encoder);
        var prepared = Prepared(judged, encoder, second);
        if (second is null)
            return judged.Queries.Select((q, i) => new RerankGroup(prepared[i], matcher.Pool(q.Text, judged.Vectors[i]), benchmark.Relevant[q.Id])).ToList();
        UseSecondEncoder(matcher, benchmark, second);
        return judged.Queries.Select((q, i) => new RerankGroup(prepared[i], matcher.SecondCosines(prepared[i], matcher.Pool(q.Text, judged.Vectors[i]), depth), benchmark.Relevant[q.Id]) { Second = true }).ToList();
    }

    public static (EvalReport Report, string Run) Score(RetrievalBenchmark benchmark, ClaimMatcher matcher, (List<(string Id, string Text)> Queries, float[][] Vectors) judged, ClaimMatcher.Weights? weights = null, string tag = "factdesk") =>
        Score(benchmark, judged.Queries, q => matcher.Match(judged.Queries[q].Text, judged.Vectors[q], Depth, weights), tag);

    /// <summary>The two-stage matcher: the hybrid pool reordered by <paramref name="reranker"/>.</summary>
    public static (EvalReport Report, string Run) Score(RetrievalBenchmark benchmark, ClaimMatcher matcher, (List<(string Id, string Text)> Queries, float[][] Vectors) judged, RerankQuery[] prepared, MatchReranker reranker, string tag = "factdesk") =>
        Score(benchmark, judged.Queries, q => matcher.Match(prepared[q], reranker, Depth), tag);

    private static (EvalReport Report, string Run) Score(RetrievalBenchmark benchmark, List<(string Id, string Text)> queries, Func<int, IReadOnlyList<FactCheckHit>> rank, string tag)
    {
        double map1 = 0, map3 = 0, map5 = 0, mrr = 0, recall10 = 0;
        var run = new StringBuilder();
        for (var q = 0; q < queries.Count; q++)
        {
            var id = queries[q].Id;
            var hits = rank(q);
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
        var n = Math.Max(queries.Count, 1);
        var report = new EvalReport(TaskName, queries.Count, new Dictionary<string, double>
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
