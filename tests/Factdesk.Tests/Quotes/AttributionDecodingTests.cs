using Factdesk.Learning;
using Factdesk.Quotes;

namespace Factdesk.Tests.Quotes;

/// <summary>The tagger's Viterbi decoding against hand-built scorers: exact, well formed, and better than greedy where greedy goes wrong.</summary>
public sealed class AttributionDecodingTests
{
    // Enough fixed features per token for every one the history features read (16, 14, 21 and 37 among them).
    private const int FixedCount = 38;

    /// <summary>Pseudo-random weights for every feature and class, so that each history of tags scores differently.</summary>
    private sealed class HashedScorer(int seed) : ILinearScorer
    {
        public int Classes => AttributionTags.Count;

        public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
        {
            foreach (var f in features)
                for (var c = 0; c < scores.Length; c++)
                {
                    var h = (f + (ulong)c * 0x9E3779B97F4A7C15UL + (ulong)seed) * 0xBF58476D1CE4E5B9UL;
                    h ^= h >> 31;
                    scores[c] += (h % 2001) / 1000f - 1f;
                }
        }
    }

    /// <summary>Weights given by hand: a feature of a token and a class, or a tag history feature and a class.</summary>
    private sealed class TableScorer(Dictionary<ulong, float[]> weights) : ILinearScorer
    {
        public int Classes => AttributionTags.Count;

        public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
        {
            foreach (var f in features)
                if (weights.TryGetValue(f, out var w))
                    for (var c = 0; c < scores.Length; c++) scores[c] += w[c];
        }
    }

    private static ulong[][] Tokens(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, FixedCount).Select(_ => (ulong)random.NextInt64()).ToArray()).ToArray();
    }

    /// <summary>The score of a whole tag sequence, token by token with the history the greedy decoder would give it.</summary>
    private static float Score(ulong[][] tokens, int[] tags, ILinearScorer scorer)
    {
        var buffer = new ulong[FixedCount + AttributionFeatures.HistoryFeatures];
        var scores = new float[AttributionTags.Count];
        var total = 0f;
        for (var i = 0; i < tokens.Length; i++)
        {
            var count = AttributionFeatures.WithHistory(tokens[i], i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, buffer);
            Array.Clear(scores);
            scorer.AddScores(buffer.AsSpan(0, count), scores);
            total += scores[tags[i]];
        }
        return total;
    }

    private static bool WellFormed(int[] tags) => tags.Select((t, i) => AttributionTags.CanFollow(i > 0 ? tags[i - 1] : -1, t)).All(ok => ok);

    private static IEnumerable<int[]> AllSequences(int length)
    {
        var total = (int)Math.Pow(AttributionTags.Count, length);
        for (var k = 0; k < total; k++)
        {
            var tags = new int[length];
            for (int i = 0, rest = k; i < length; i++, rest /= AttributionTags.Count) tags[i] = rest % AttributionTags.Count;
            yield return tags;
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void Viterbi_finds_the_best_well_formed_sequence_that_a_search_of_all_of_them_finds(int length, int seed)
    {
        var tokens = Tokens(length, seed);
        var scorer = new HashedScorer(seed);

        var tags = AttributionTagger.Viterbi(tokens, scorer);

        var best = AllSequences(length).Where(WellFormed).Max(t => Score(tokens, t, scorer));
        Assert.True(WellFormed(tags));
        Assert.Equal(best, Score(tokens, tags, scorer), 3);
    }

    [Fact]
    public void A_continuing_tag_never_follows_outside_or_another_role_even_when_it_scores_best()
    {
        var tokens = Tokens(6, 7);
        var insideContent = AttributionTags.Inside(AttributionRole.Content);
        // The bias feature (the same in every token here) votes for "inside content" everywhere.
        var bias = new float[AttributionTags.Count];
        bias[insideContent] = 5f;
        foreach (var t in tokens) t[0] = 42;

        var tags = AttributionTagger.Viterbi(tokens, new TableScorer(new() { [42] = bias }));

        // Greedy would tag "inside" from the first token on; a run must begin first.
        Assert.Equal(AttributionTags.Begin(AttributionRole.Content), tags[0]);
        Assert.All(tags.Skip(1), t => Assert.Equal(insideContent, t));
    }

    [Fact]
    public void Viterbi_gives_up_a_locally_better_first_tag_for_a_better_whole_where_greedy_does_not()
    {
        var tokens = Tokens(2, 11);
        tokens[0][0] = 1;
        tokens[1][0] = 2;
        var cue = AttributionTags.Begin(AttributionRole.Cue);
        var source = AttributionTags.Begin(AttributionRole.Source);
        // Token 0 leans to "source" a little; after "source", token 1 is outside, but after "cue" it is a strong content start.
        var first = new float[AttributionTags.Count];
        first[source] = 1f;
        first[cue] = 0.5f;
        var afterCue = new float[AttributionTags.Count];
        afterCue[AttributionTags.Begin(AttributionRole.Content)] = 3f;
        var scorer = new TableScorer(new() { [1] = first, [AttributionFeatures.PairFeature(cue, -1)] = afterCue });

        var greedy = AttributionTagger.Decode(tokens, scorer);
        var viterbi = AttributionTagger.Viterbi(tokens, scorer);

        Assert.Equal([source, AttributionTags.Outside], greedy);
        Assert.Equal([cue, AttributionTags.Begin(AttributionRole.Content)], viterbi);
        Assert.True(Score(tokens, viterbi, scorer) > Score(tokens, greedy, scorer));
    }

    [Fact]
    public void An_outside_bias_turns_tokens_that_lean_a_little_to_outside_into_content_in_both_decoders()
    {
        var tokens = Tokens(4, 5);
        foreach (var t in tokens) t[0] = 42;
        var lean = new float[AttributionTags.Count];
        lean[AttributionTags.Outside] = 1f;
        lean[AttributionTags.Begin(AttributionRole.Content)] = 0.8f;
        lean[AttributionTags.Inside(AttributionRole.Content)] = 0.9f;
        var scorer = new TableScorer(new() { [42] = lean });
        int[] content = [AttributionTags.Begin(AttributionRole.Content), .. Enumerable.Repeat(AttributionTags.Inside(AttributionRole.Content), 3)];

        Assert.All(AttributionTagger.Viterbi(tokens, scorer), t => Assert.Equal(AttributionTags.Outside, t));
        Assert.All(AttributionTagger.Decode(tokens, scorer), t => Assert.Equal(AttributionTags.Outside, t));
        Assert.Equal(content, AttributionTagger.Viterbi(tokens, scorer, outsideBias: 0.5f));
        // Greedy takes "inside" from the first token on, as it would without the bias: content all the same.
        Assert.All(AttributionTagger.Decode(tokens, scorer, outsideBias: 0.5f), t => Assert.Equal(AttributionRole.Content, AttributionTags.RoleOf(t)));
    }

    [Fact]
    public void An_empty_article_has_no_tags() => Assert.Empty(AttributionTagger.Viterbi([], new HashedScorer(1)));
}
