using System.Numerics.Tensors;

namespace Factdesk.Matching;

/// <summary>
/// A query prepared for reranking: its vector, the vectors of its body alone (no links, no tweet trailer) and of
/// the body's sentences (<see cref="TweetText.Sentences"/>), and its surface.
/// </summary>
public sealed record RerankQuery(string Text, float[] Vector, float[] BodyVector, IReadOnlyList<float[]> SentenceVectors, TweetText Tweet, TextProfile Profile)
{
    /// <summary>The query's vector from the reranker's second encoder (<see cref="SecondEncoderFeatures"/>), when it uses one.</summary>
    public float[]? SecondVector { get; init; }

    /// <summary>The pool with the second encoder's cosines of its first <paramref name="depth"/> candidates, from their claim and title vectors by that encoder.</summary>
    public List<RerankCandidate> WithSecond(IReadOnlyList<RerankCandidate> pool, int depth, Func<RerankCandidate, (float[] Claim, float[]? Title)> vectors)
    {
        var q = SecondVector ?? throw new InvalidOperationException("the query has no vector from the second encoder");
        return pool.Select((c, r) =>
        {
            if (r >= depth) return c;
            var (claim, title) = vectors(c);
            var claimCosine = TensorPrimitives.Dot(q, claim);
            return c with { Second = (claimCosine, title is null ? claimCosine : TensorPrimitives.Dot(q, title)) };
        }).ToList();
    }

    public static RerankQuery Of(string text, float[] vector, float[] bodyVector, IReadOnlyList<float[]>? sentenceVectors = null) =>
        new(text, vector, bodyVector, sentenceVectors ?? [], TweetText.Parse(text), TextProfile.Of(text));

    /// <summary>Prepares queries whose full vectors are known, encoding their bodies and sentences in one batch.</summary>
    public static RerankQuery[] Encode(IReadOnlyList<string> texts, IReadOnlyList<float[]> vectors, SentenceEncoder encoder)
    {
        var tweets = texts.Select(TweetText.Parse).ToArray();
        var sentences = tweets.Select(t => t.Sentences()).ToArray();
        // A plain query is its own body and its body its only sentence: each distinct text is encoded once.
        var wanted = tweets.Select(t => t.Body).Concat(sentences.SelectMany(s => s)).ToArray();
        var distinct = wanted.Distinct(StringComparer.Ordinal).ToArray();
        var vectorOf = distinct.Zip(encoder.Encode(distinct)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var encoded = wanted.Select(t => vectorOf[t]).ToArray();
        var next = tweets.Length;
        var queries = new RerankQuery[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            queries[i] = new RerankQuery(texts[i], vectors[i], encoded[i], encoded[next..(next + sentences[i].Count)], tweets[i], TextProfile.Of(texts[i]));
            next += sentences[i].Count;
        }
        return queries;
    }
}

/// <summary>
/// A first-stage candidate: the fact-check, its place in the collection (import order), its vectors and surface, its
/// hybrid score and its BM25 against claim and title together and apart.
/// </summary>
public sealed record RerankCandidate(
    FactCheckEntry Entry, int Position, float[] ClaimVector, float[]? TitleVector, TextProfile Profile,
    double Hybrid, double Bm25, double Bm25Claim, double Bm25Title)
{
    /// <summary>
    /// The cosines of the query to the claim and to the title (the claim's when it has none) by the reranker's second
    /// encoder, when it uses one (only the first candidates get them; null for the rest).
    /// </summary>
    public (double Claim, double Title)? Second { get; init; }
}

/// <summary>
/// Features from a second sentence encoder (<see cref="MatchReranker.SecondEncoder"/>: arctic-embed-xs, or a MiniLM
/// fine-tuned on the CheckThat! 2020 training pairs): its cosine of the query to the candidate's claim and title,
/// and the rank and gap of the better one among the candidates that have them. A second model trained otherwise
/// errs elsewhere than MiniLM. Candidates without them (below the reranked depth) get NaN (missing).
/// </summary>
public static class SecondEncoderFeatures
{
    public static readonly string[] Names = ["second_cos_claim", "second_cos_title", "second_cos_rank", "second_cos_gap"];

    public const int Count = 4;

    public static float[][] Of(IReadOnlyList<RerankCandidate> pool)
    {
        var n = pool.Count;
        var rows = new float[n][];
        var best = new double[n];
        var claim = new double[n];
        var title = new double[n];
        for (var i = 0; i < n; i++)
        {
            best[i] = double.NaN;
            if (pool[i].Second is not { } t) continue;
            (claim[i], title[i]) = t;
            best[i] = Math.Max(t.Claim, t.Title);
        }
        var scored = Enumerable.Range(0, n).Where(i => !double.IsNaN(best[i])).OrderByDescending(i => best[i]).ThenBy(i => i).ToArray();
        var rank = new float[n];
        for (var r = 0; r < scored.Length; r++) rank[scored[r]] = r;
        var top = scored.Length > 0 ? best[scored[0]] : 0;
        for (var i = 0; i < n; i++)
            rows[i] = double.IsNaN(best[i])
                ? [float.NaN, float.NaN, float.NaN, float.NaN]
                : [(float)claim[i], (float)title[i], rank[i], (float)(top - best[i])];
        return rows;
    }
}

/// <summary>
/// The features of each (query, candidate) pair that the learned reranker sees. Scores are also given relative to
/// the pool (rank, gap to the best, share of the best), since a cosine of 0.6 means much when nothing else comes close.
/// </summary>
public static class MatchFeatures
{
    public static readonly string[] Names =
    [
        "hybrid", "hybrid_rank", "hybrid_gap",
        "cos_claim", "cos_title", "has_title", "cos_both", "body_cos_claim", "body_cos_title", "body_cos_both",
        "cos_best", "cos_claim_rank", "cos_best_rank", "cos_best_gap", "body_cos_best_rank",
        "bm25", "bm25_share", "bm25_claim_share", "bm25_title_share", "bm25_rank", "rrf",
        "terms_of_candidate", "terms_of_query", "bigrams_of_candidate", "bigrams_shared",
        "numbers_in_candidate", "numbers_matched", "numbers_unmatched",
        "names_in_candidate", "names_matched", "author_in_candidate", "handle_in_candidate",
        "length_ratio", "query_terms",
        "twins_before", "twins_after", "twin_cos",
        "sentence_cos_claim", "sentence_cos_title", "sentence_cos_rank", "sentences",
        "year_gap", "month_gap", "years_in_candidate", "tag_terms_in_candidate", "tags_matched",
        "centrality",
    ];

    public const int Count = 47;

    /// <summary>
    /// The rows with the <see cref="SecondEncoderFeatures"/> appended when <paramref name="second"/> (a reranker trained with them).
    /// </summary>
    public static float[][] Of(RerankQuery query, IReadOnlyList<RerankCandidate> pool, bool second)
    {
        var rows = Of(query, pool);
        if (!second) return rows;
        var extra = SecondEncoderFeatures.Of(pool);
        for (var i = 0; i < rows.Length; i++) rows[i] = [.. rows[i], .. extra[i]];
        return rows;
    }

    /// <summary>One feature row per candidate, in the order given; ranks and gaps are within <paramref name="pool"/>.</summary>
    public static float[][] Of(RerankQuery query, IReadOnlyList<RerankCandidate> pool)
    {
        var n = pool.Count;
        var rows = new float[n][];
        if (n == 0) return rows;
        var cosClaim = new double[n];
        var cosTitle = new double[n];
        var cosBoth = new double[n];
        var bodyClaim = new double[n];
        var bodyTitle = new double[n];
        var bodyBoth = new double[n];
        var both = new float[SentenceEncoder.Dimensions];
        for (var i = 0; i < n; i++)
        {
            var c = pool[i];
            cosClaim[i] = TensorPrimitives.Dot(query.Vector, c.ClaimVector);
            bodyClaim[i] = TensorPrimitives.Dot(query.BodyVector, c.ClaimVector);
            if (c.TitleVector is { } title)
            {
                cosTitle[i] = TensorPrimitives.Dot(query.Vector, title);
                bodyTitle[i] = TensorPrimitives.Dot(query.BodyVector, title);
                TensorPrimitives.Add(c.ClaimVector, title, both);
                var norm = TensorPrimitives.Norm(both);
                if (norm > 0) TensorPrimitives.Divide(both, norm, both);
                cosBoth[i] = TensorPrimitives.Dot(query.Vector, both);
                bodyBoth[i] = TensorPrimitives.Dot(query.BodyVector, both);
            }
            else
            {
                cosTitle[i] = cosBoth[i] = cosClaim[i];
                bodyTitle[i] = bodyBoth[i] = bodyClaim[i];
            }
        }
        var sentenceClaim = new double[n];
        var sentenceTitle = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = pool[i];
            sentenceClaim[i] = sentenceTitle[i] = Math.Max(cosClaim[i], bodyClaim[i]);
            foreach (var sentence in query.SentenceVectors)
            {
                sentenceClaim[i] = Math.Max(sentenceClaim[i], TensorPrimitives.Dot(sentence, c.ClaimVector));
                sentenceTitle[i] = Math.Max(sentenceTitle[i], TensorPrimitives.Dot(sentence, c.TitleVector ?? c.ClaimVector));
            }
        }
        var sentenceRank = Ranks(sentenceClaim.Zip(sentenceTitle, Math.Max).ToArray());
        var cosBest = Enumerable.Range(0, n).Select(i => Math.Max(Math.Max(cosClaim[i], cosTitle[i]), cosBoth[i])).ToArray();
        var bodyBest = Enumerable.Range(0, n).Select(i => Math.Max(Math.Max(bodyClaim[i], bodyTitle[i]), bodyBoth[i])).ToArray();
        var hybrid = pool.Select(c => c.Hybrid).ToArray();
        var bm25 = pool.Select(c => c.Bm25).ToArray();
        var hybridRank = Ranks(hybrid);
        var claimRank = Ranks(cosClaim);
        var bestRank = Ranks(cosBest);
        var bodyRank = Ranks(bodyBest);
        var bm25Rank = Ranks(bm25);
        var topHybrid = hybrid.Max();
        var topCos = cosBest.Max();
        var topBm25 = Math.Max(bm25.Max(), 1e-9);
        var topBm25Claim = Math.Max(pool.Max(c => c.Bm25Claim), 1e-9);
        var topBm25Title = Math.Max(pool.Max(c => c.Bm25Title), 1e-9);
        var (before, after, twinCos) = Twins(pool);
        var central = Centrality(pool);
        var q = query.Profile;
        var author = query.Tweet.Author is { } name ? SearchTerms.Of(name) : [];
        var tags = query.Tweet.Tags.Select(t => t.ToLowerInvariant()).ToArray();
        var month = query.Tweet.Date is { } date ? date.Year * 12 + date.Month - 1 : (int?)null;
        for (var i = 0; i < n; i++)
        {
            var c = pool[i];
            var p = c.Profile;
            var sharedTerms = p.Terms.Count(q.Terms.Contains);
            var sharedBigrams = p.Bigrams.Count(q.Bigrams.Contains);
            var matchedNumbers = p.Numbers.Count(q.Numbers.Contains);
            var matchedNames = p.Names.Count(q.Terms.Contains);
            var authorShare = author.Count == 0 ? -1 : (double)author.Count(p.Terms.Contains) / author.Count;
            // Handles and hashtags run names together (@RepCummings, #WalkAway): a fact-check term inside one is a mention.
            var tagTerms = p.Terms.Count(t => t.Length >= 4 && !q.Terms.Contains(t) && tags.Any(tag => tag.Contains(t, StringComparison.Ordinal)));
            var tagsMatched = tags.Count(tag => p.Terms.Any(t => t.Length >= 4 && tag.Contains(t, StringComparison.Ordinal)));
            var handle = query.Tweet.Handle is { } h && (c.Entry.Claim.Contains(h, StringComparison.OrdinalIgnoreCase) || c.Entry.Title?.Contains(h, StringComparison.OrdinalIgnoreCase) == true);
            rows[i] =
            [
                (float)hybrid[i], hybridRank[i], (float)(topHybrid - hybrid[i]),
                (float)cosClaim[i], (float)cosTitle[i], c.TitleVector is null ? 0 : 1, (float)cosBoth[i],
                (float)bodyClaim[i], (float)bodyTitle[i], (float)bodyBoth[i],
                (float)cosBest[i], claimRank[i], bestRank[i], (float)(topCos - cosBest[i]), bodyRank[i],
                (float)bm25[i], (float)(bm25[i] / topBm25), (float)(c.Bm25Claim / topBm25Claim), (float)(c.Bm25Title / topBm25Title), bm25Rank[i],
                (float)(60.0 / (60 + bestRank[i]) + 60.0 / (60 + bm25Rank[i])),
                Share(sharedTerms, p.Terms.Count), Share(sharedTerms, q.Terms.Count), Share(sharedBigrams, p.Bigrams.Count), sharedBigrams,
                p.Numbers.Count, matchedNumbers, p.Numbers.Count - matchedNumbers,
                p.Names.Count, Share(matchedNames, p.Names.Count), (float)authorShare, handle ? 1 : 0,
                Share(p.Terms.Count, q.Terms.Count), q.Terms.Count,
                before[i], after[i], twinCos[i],
                (float)sentenceClaim[i], (float)sentenceTitle[i], sentenceRank[i], query.SentenceVectors.Count,
                month is { } m && p.Years.Count > 0 ? p.Years.Min(y => Math.Abs(y - m / 12)) : -1,
                month is { } m2 && p.Months.Count > 0 ? p.Months.Min(x => Math.Abs(x - m2)) : -1,
                p.Years.Count, tagTerms, Share(tagsMatched, tags.Length),
                central[i],
            ];
        }
        return rows;
    }

    /// <summary>The cosine above which two fact-checks' claims are taken for the same claim written twice.</summary>
    public const float TwinCosine = 0.95f;

    /// <summary>
    /// Collections hold the same claim more than once (CheckThat! 2020: 195 titles on more than one claim, mostly
    /// copies differing in quote marks). For each candidate: how many of its twins in the pool (same title, or claims
    /// closer than <see cref="TwinCosine"/>) come before and after it in the collection, and its highest claim cosine
    /// to any other candidate.
    /// </summary>
    private static (float[] Before, float[] After, float[] Cosine) Twins(IReadOnlyList<RerankCandidate> pool)
    {
        var n = pool.Count;
        var before = new float[n];
        var after = new float[n];
        var cosine = new float[n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                var c = TensorPrimitives.Dot(pool[i].ClaimVector, pool[j].ClaimVector);
                cosine[i] = Math.Max(cosine[i], c);
                cosine[j] = Math.Max(cosine[j], c);
                var sameTitle = pool[i].Entry.Title is { } t && string.Equals(t, pool[j].Entry.Title, StringComparison.OrdinalIgnoreCase);
                if (!sameTitle && c < TwinCosine) continue;
                var (earlier, later) = pool[i].Position < pool[j].Position ? (i, j) : (j, i);
                after[earlier]++;
                before[later]++;
            }
        return (before, after, cosine);
    }

    /// <summary>
    /// The mean claim cosine of each candidate to the first five by hybrid score (itself left out): a query about one
    /// story draws several fact-checks of it, and the one they resemble most is the story's centre.
    /// </summary>
    private static float[] Centrality(IReadOnlyList<RerankCandidate> pool)
    {
        var head = Enumerable.Range(0, pool.Count).OrderByDescending(i => pool[i].Hybrid).ThenBy(i => i).Take(5).ToArray();
        var result = new float[pool.Count];
        for (var i = 0; i < pool.Count; i++)
        {
            var others = head.Where(j => j != i).ToArray();
            result[i] = others.Length == 0 ? 0 : others.Average(j => TensorPrimitives.Dot(pool[i].ClaimVector, pool[j].ClaimVector));
        }
        return result;
    }

    private static float Share(int part, int whole) => whole == 0 ? 0 : (float)part / whole;

    /// <summary>0 for the highest value, 1 for the next, ...; ties keep the pool's order.</summary>
    private static float[] Ranks(double[] values)
    {
        var ranks = new float[values.Length];
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        for (var r = 0; r < order.Length; r++) ranks[order[r]] = r;
        return ranks;
    }
}
