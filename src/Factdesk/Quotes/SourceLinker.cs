using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Chooses which source run speaks for a cue, among those in the cue's sentence and the one before: a perceptron
/// over the pair (which side, how far, what lies between, what the cue and the source words are). The nearest
/// source is often the wrong one: "Trump, whom Clinton mocked, said ..." or "..., adding ..." after a named speaker.
/// </summary>
public sealed class SourceLinker(ILinearScorer scorer)
{
    private const int No = 0, Yes = 1;
    private const int MaxGap = 60;

    public ILinearScorer Scorer => scorer;

    /// <summary>The chosen source run of each cue (by index), or none where no candidate scores as a source.</summary>
    public Dictionary<int, int> Link(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> cues, IReadOnlyList<(int First, int Last)> sources, IEnumerable<int> which)
    {
        var chosen = new Dictionary<int, int>();
        Span<float> scores = stackalloc float[2];
        foreach (var c in which)
        {
            var best = -1;
            var bestMargin = 0f;
            foreach (var s in Candidates(sentence, cues[c], sources))
            {
                scores.Clear();
                scorer.AddScores(Features(document, sentence, cues, c, sources, s), scores);
                var margin = scores[Yes] - scores[No];
                if (best < 0 || margin > bestMargin) (best, bestMargin) = (s, margin);
            }
            // The best candidate is kept even below zero: a cue with some source near it rarely has none.
            if (best >= 0) chosen[c] = best;
        }
        return chosen;
    }

    /// <summary>Learns from the gold cues and sources of one document: each candidate pair is a yes or a no.</summary>
    public static void Learn(AveragedPerceptron learner, Document document, IReadOnlyList<Attribution> gold)
    {
        var tokens = document.Tokens;
        var sentence = AttributionTagger.SentenceIndex(document);
        (int, int)? Run(RoleSpan? span)
        {
            if (span is null) return null;
            var first = AttributionTags.FirstOverlapping(tokens, span.Start);
            var last = first;
            while (last + 1 < tokens.Count && tokens[last + 1].Start < span.End) last++;
            return first < tokens.Count ? (first, last) : null;
        }
        var cues = new List<(int, int)>();
        var sources = new List<(int, int)>();
        var owner = new List<int>();
        foreach (var relation in gold)
            if (Run(relation.Cue) is { } cue)
            {
                cues.Add(cue);
                owner.Add(Run(relation.Source) is { } source ? AddOnce(sources, source) : -1);
            }
        Span<float> scores = stackalloc float[2];
        for (var c = 0; c < cues.Count; c++)
            foreach (var s in Candidates(sentence, cues[c], sources))
            {
                var features = Features(document, sentence, cues, c, sources, s);
                scores.Clear();
                learner.AddScores(features, scores);
                learner.Update(features, s == owner[c] ? Yes : No, scores[Yes] > scores[No] ? Yes : No);
            }
    }

    private static int AddOnce(List<(int, int)> runs, (int, int) run)
    {
        var k = runs.IndexOf(run);
        if (k >= 0) return k;
        runs.Add(run);
        return runs.Count - 1;
    }

    private static IEnumerable<int> Candidates(int[] sentence, (int First, int Last) cue, IReadOnlyList<(int First, int Last)> sources)
    {
        for (var s = 0; s < sources.Count; s++)
        {
            var distance = sentence[cue.First] - sentence[sources[s].Last];
            var gap = sources[s].Last < cue.First ? cue.First - sources[s].Last : sources[s].First - cue.Last;
            // The token bound keeps a text without sentence punctuation linear.
            if ((distance is 0 or 1 || sentence[sources[s].First] == sentence[cue.Last]) && gap <= MaxGap) yield return s;
        }
    }

    private static ulong[] Features(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> cues, int c, IReadOnlyList<(int First, int Last)> sources, int s)
    {
        var tokens = document.Tokens;
        var cue = cues[c];
        var source = sources[s];
        var before = source.Last < cue.First;
        var (from, to) = before ? (source.Last, cue.First) : (cue.Last, source.First);
        var gap = Math.Max(0, to - from);
        int cuesBetween = 0, closerSameSide = 0;
        foreach (var o in cues) if (o.First > from && o.Last < to) cuesBetween++;
        foreach (var o in sources)
            if (o != source && (before ? o.Last < cue.First && o.Last > source.Last : o.First > cue.Last && o.First < source.First)) closerSameSide++;
        int commas = 0, quotes = 0, thats = 0;
        for (var i = from + 1; i < to; i++)
        {
            var t = tokens[i].Text;
            if (t == ",") commas++;
            else if (tokens[i].Kind == TokenKind.Quote) quotes++;
            else if (t is "that" or "who" or "which") thats++;
        }
        var cueWord = string.Join(' ', tokens.Skip(cue.First).Take(cue.Last - cue.First + 1).Select(t => t.Text.ToLowerInvariant()));
        var cueHead = tokens[cue.Last].Text.ToLowerInvariant();
        var head = tokens[source.Last].Text.ToLowerInvariant();
        var firstWord = tokens[source.First].Text.ToLowerInvariant();
        var entity = document.Entities.Within(tokens[source.First].Start, tokens[source.Last].End).Select(e => (int)e.Type).DefaultIfEmpty(-1).First();
        var side = before ? 1 : 0;
        var g = Bucket(gap);
        var sentences = sentence[cue.First] - sentence[source.Last];
        return
        [
            FeatureHash.Of(0).Value,
            FeatureHash.Of(1).Add(side).Add(g).Value,
            FeatureHash.Of(2).Add(side).Add(Math.Min(closerSameSide, 2)).Value,
            FeatureHash.Of(3).Add(Math.Min(cuesBetween, 2)).Add(side).Value,
            FeatureHash.Of(4).Add(Math.Min(commas, 3)).Add(side).Add(Math.Min(quotes, 2)).Value,
            FeatureHash.Of(5).Add(Math.Min(thats, 2)).Add(side).Value,
            FeatureHash.Of(6).Add(cueWord).Add(side).Value,
            FeatureHash.Of(7).Add(cueHead).Add(side).Add(g).Value,
            FeatureHash.Of(8).Add(head).Add(side).Value,
            FeatureHash.Of(9).Add(firstWord).Add(side).Value,
            FeatureHash.Of(10).Add(entity).Add(side).Add(g).Value,
            FeatureHash.Of(11).Add(Math.Clamp(sentences, -1, 2)).Add(side).Value,
            FeatureHash.Of(12).Add(Math.Min(source.Last - source.First + 1, 6)).Value,
            FeatureHash.Of(13).Add(gap <= 1 ? tokens[from].Text.ToLowerInvariant() : "-").Add(gap <= 1 ? tokens[to].Text.ToLowerInvariant() : "-").Value,
            FeatureHash.Of(14).Add(side).Add(Math.Min(closerSameSide, 2)).Add(Math.Min(cuesBetween, 2)).Add(g).Value,
            FeatureHash.Of(15).Add(cueHead).Add(head).Value,
        ];
    }

    private static int Bucket(int d) => d switch { <= 1 => d, 2 => 2, 3 => 3, <= 5 => 4, <= 8 => 5, <= 15 => 6, <= 30 => 7, _ => 8 };
}
