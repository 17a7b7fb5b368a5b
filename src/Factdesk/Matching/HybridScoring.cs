using System.Numerics.Tensors;

namespace Factdesk.Matching;

/// <summary>A fact-check that one of the retrievers proposed, with its vectors and its raw BM25 score (0 when only the vectors found it).</summary>
public readonly record struct MatchCandidate(FactCheckEntry Entry, float[] ClaimVector, float[]? TitleVector, double Bm25);

/// <summary>
/// How the hybrid matcher turns candidates into a ranking, shared by the in-memory <see cref="ClaimMatcher"/> and
/// the search over a fact-check store: claim cosine, title cosine (the claim's when there is no title) and BM25
/// divided by the best BM25 among the candidates, summed with <see cref="ClaimMatcher.Weights"/>.
/// </summary>
public static class HybridScoring
{
    /// <summary>How many candidates each retriever (BM25, vectors) proposes before scoring.</summary>
    public const int CandidatesPerRetriever = 100;

    /// <param name="maxBm25">The best BM25 among all candidates, when <paramref name="candidates"/> are only some of them.</param>
    public static List<FactCheckHit> Rank(IEnumerable<MatchCandidate> candidates, float[] queryVector, int top, ClaimMatcher.Weights weights, double? maxBm25 = null)
    {
        var list = candidates as IReadOnlyList<MatchCandidate> ?? candidates.ToList();
        var best = maxBm25 ?? (list.Count == 0 ? 0 : list.Max(c => c.Bm25));
        var hits = new List<FactCheckHit>(list.Count);
        foreach (var candidate in list)
        {
            var claimCosine = TensorPrimitives.Dot(queryVector, candidate.ClaimVector);
            var titleCosine = candidate.TitleVector is { } title ? TensorPrimitives.Dot(queryVector, title) : claimCosine;
            var normalisedBm25 = best > 0 ? candidate.Bm25 / best : 0;
            hits.Add(new FactCheckHit(candidate.Entry, Score(claimCosine, titleCosine, normalisedBm25, weights), claimCosine, titleCosine, normalisedBm25));
        }
        return hits.OrderByDescending(h => h.Score).Take(top).ToList();
    }

    /// <summary>The hybrid score; <paramref name="titleCosine"/> is the claim's when there is no title.</summary>
    public static double Score(double claimCosine, double titleCosine, double normalisedBm25, ClaimMatcher.Weights weights) =>
        weights.ClaimCosine * claimCosine + weights.TitleCosine * titleCosine + weights.Bm25 * normalisedBm25;

    /// <summary>
    /// The positions of the <paramref name="top"/> vectors nearest the query (the better of claim and title cosine).
    /// An exact scan: fine for tens of thousands of fact-checks; the scale issue brings an approximate index.
    /// </summary>
    public static IEnumerable<int> NearestByVector(float[] query, IReadOnlyList<float[]> claimVectors, IReadOnlyList<float[]?> titleVectors, int top)
    {
        var best = new PriorityQueue<int, float>();
        for (var i = 0; i < claimVectors.Count; i++)
        {
            var cosine = TensorPrimitives.Dot(query, claimVectors[i]);
            if (titleVectors[i] is { } title) cosine = Math.Max(cosine, TensorPrimitives.Dot(query, title));
            if (best.Count < top) best.Enqueue(i, cosine);
            else if (best.TryPeek(out _, out var worst) && cosine > worst) best.EnqueueDequeue(i, cosine);
        }
        while (best.Count > 0) yield return best.Dequeue();
    }
}
