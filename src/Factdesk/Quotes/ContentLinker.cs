using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Quotes;

/// <summary>
/// Chooses the cue of each content run among the cue runs near it: a ranking perceptron over the candidates (how far,
/// on which side, across how many sentences and other cues, whether one of them stands inside the content's own
/// quotation marks). The nearest cue is often the wrong one: "what he calls “hell”" inside a quotation is not the
/// quotation's cue, and a paraphrase whose own cue went untagged is nearer another statement's cue than its own.
/// </summary>
public sealed class ContentLinker(ILinearScorer scorer)
{
    private const int No = 0, Yes = 1;

    /// <summary>How far from its content a cue may stand, in tokens: a long paraphrase has its cue at one end.</summary>
    public const int MaxGap = 40;

    public ILinearScorer Scorer => scorer;

    /// <summary>The chosen cue (an index into <paramref name="cues"/>) of each content run, or -1 where none is near.</summary>
    public int[] Link(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> contents, IReadOnlyList<(int First, int Last)> cues)
    {
        var context = new Context(document, sentence, contents, cues);
        var chosen = new int[contents.Count];
        for (var k = 0; k < contents.Count; k++)
        {
            chosen[k] = -1;
            var bestMargin = 0f;
            var candidates = Candidates(contents[k], cues);
            foreach (var c in candidates)
            {
                var margin = Margin(scorer, context.Features(k, c, candidates));
                if (chosen[k] < 0 || margin > bestMargin) (chosen[k], bestMargin) = (c, margin);
            }
        }
        return chosen;
    }

    /// <summary>
    /// Learns from one document's gold relations as a ranker: each gold content run (as the tags split it) against
    /// the gold cue runs near it, an update only where another cue outranks its own.
    /// </summary>
    public static void Learn(AveragedPerceptron learner, Document document, IReadOnlyList<Attribution> gold)
    {
        var tokens = document.Tokens;
        var sentence = AttributionTagger.SentenceIndex(document);
        var spans = AttributionTags.Spans(AttributionTags.Encode(tokens, gold));
        var contents = spans.Where(s => s.Role == AttributionRole.Content).Select(s => (s.First, s.Last)).ToList();
        var cues = spans.Where(s => s.Role == AttributionRole.Cue).Select(s => (s.First, s.Last)).ToList();
        var context = new Context(document, sentence, contents, cues);
        for (var k = 0; k < contents.Count; k++) Rank(learner, context, contents, cues, k, OwnCue(tokens, gold, contents[k], cues));
    }

    /// <summary>
    /// Learns from the content and cue runs the tagger found in one document: each content run's own cue is the
    /// tagged cue that overlaps the cue of the gold relation holding most of the run. A run that overlaps no gold
    /// content, or whose gold cue went untagged, teaches nothing.
    /// </summary>
    public static void LearnPredicted(AveragedPerceptron learner, Document document, int[] sentence,
        IReadOnlyList<(int First, int Last)> contents, IReadOnlyList<(int First, int Last)> cues, IReadOnlyList<Attribution> gold)
    {
        var tokens = document.Tokens;
        var context = new Context(document, sentence, contents, cues);
        for (var k = 0; k < contents.Count; k++)
        {
            var (start, end) = (tokens[contents[k].First].Start, tokens[contents[k].Last].End);
            Attribution? holder = null;
            var most = 0;
            foreach (var relation in gold)
            {
                var overlap = Math.Min(relation.Content.End, end) - Math.Max(relation.Content.Start, start);
                if (overlap > most) (holder, most) = (relation, overlap);
            }
            if (holder?.Cue is not { } cue) continue;
            var own = -1;
            for (var c = 0; c < cues.Count && own < 0; c++)
                if (tokens[cues[c].First].Start < cue.End && cue.Start < tokens[cues[c].Last].End) own = c;
            Rank(learner, context, contents, cues, k, own);
        }
    }

    /// <summary>One ranking step for content <paramref name="k"/>: an update only where another cue outranks <paramref name="own"/>.</summary>
    private static void Rank(AveragedPerceptron learner, Context context, IReadOnlyList<(int First, int Last)> contents, IReadOnlyList<(int First, int Last)> cues, int k, int own)
    {
        if (own < 0) return;
        var candidates = Candidates(contents[k], cues);
        if (!candidates.Contains(own)) return;
        var best = -1;
        var bestMargin = 0f;
        ulong[]? bestFeatures = null;
        foreach (var c in candidates)
        {
            var features = context.Features(k, c, candidates);
            var margin = Margin(learner, features);
            if (best < 0 || margin > bestMargin) (best, bestMargin, bestFeatures) = (c, margin, features);
        }
        if (best == own)
        {
            learner.Tick();
            return;
        }
        learner.Update(context.Features(k, own, candidates), Yes, No);
        learner.Update(bestFeatures!, No, Yes);
    }

    /// <summary>The cue run of the gold relation whose content holds the run, or -1.</summary>
    private static int OwnCue(List<Token> tokens, IReadOnlyList<Attribution> gold, (int First, int Last) run, List<(int First, int Last)> cues)
    {
        var start = tokens[run.First].Start;
        var end = tokens[run.Last].End;
        foreach (var relation in gold)
        {
            if (relation.Cue is not { } cue || relation.Content.Start > start || relation.Content.End < end) continue;
            for (var c = 0; c < cues.Count; c++)
                if (tokens[cues[c].First].Start < cue.End && cue.Start < tokens[cues[c].Last].End) return c;
        }
        return -1;
    }

    private static float Margin(ILinearScorer scorer, ulong[] features)
    {
        Span<float> scores = stackalloc float[2];
        scorer.AddScores(features, scores);
        return scores[Yes] - scores[No];
    }

    /// <summary>The cues within reach of a content, found by binary search: runs are in text order and a long text has many.</summary>
    private static List<int> Candidates((int First, int Last) content, IReadOnlyList<(int First, int Last)> cues)
    {
        int lo = 0, hi = cues.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cues[mid].Last < content.First - MaxGap) lo = mid + 1; else hi = mid;
        }
        var candidates = new List<int>();
        for (var c = lo; c < cues.Count && cues[c].First <= content.Last + MaxGap; c++)
            if (Gap(content, cues[c]) <= MaxGap) candidates.Add(c);
        return candidates;
    }

    private static int Gap((int First, int Last) a, (int First, int Last) b) =>
        a.Last < b.First ? b.First - a.Last : b.Last < a.First ? a.First - b.Last : 0;

    /// <summary>One document's runs, from which the features of any content/cue pair are read.</summary>
    private sealed class Context
    {
        private readonly Document _document;
        private readonly int[] _sentence;
        private readonly IReadOnlyList<(int First, int Last)> _contents;
        private readonly IReadOnlyList<(int First, int Last)> _cues;
        private readonly int[] _quotation;
        private readonly bool[] _paragraphStart;

        public Context(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> contents, IReadOnlyList<(int First, int Last)> cues)
        {
            (_document, _sentence, _contents, _cues) = (document, sentence, contents, cues);
            var tokens = document.Tokens;
            // Which quotation each token stands in (its number, from 1), so "inside the same quotation" can be asked.
            _quotation = new int[tokens.Count];
            var number = 0;
            foreach (var q in QuotationMarkScanner.Scan(document.Text))
            {
                number++;
                for (var i = AttributionTags.FirstOverlapping(tokens, q.Open); i < tokens.Count && tokens[i].Start <= q.Close; i++) _quotation[i] = number;
            }
            _paragraphStart = new bool[tokens.Count];
            for (var i = 1; i < tokens.Count; i++)
                _paragraphStart[i] = document.Text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n');
        }

        private string Lower(int i) => i < 0 ? "<s>" : i >= _document.Tokens.Count ? "</s>" : _document.Tokens[i].Text.ToLowerInvariant();

        /// <summary>
        /// The features of content <paramref name="k"/> with cue <paramref name="c"/>; any cue between them or nearer
        /// the content is itself within reach, so only <paramref name="candidates"/> are counted.
        /// </summary>
        public ulong[] Features(int k, int c, List<int> candidates)
        {
            var content = _contents[k];
            var cue = _cues[c];
            var after = cue.First > content.Last; // the cue follows its content: "..., he said"
            var inside = cue.First > content.First && cue.Last < content.Last;
            var side = inside ? 2 : after ? 1 : 0;
            var (from, to) = after ? (content.Last, cue.First) : (cue.Last, content.First);
            var gap = Gap(content, cue);
            int cuesBetween = 0, contentsBetween = 0, nearerCues = 0, paragraphs = 0;
            foreach (var o in candidates)
            {
                if (o == c) continue;
                if (_cues[o].First > from && _cues[o].Last < to) cuesBetween++;
                if (Gap(content, _cues[o]) < gap) nearerCues++;
            }
            // Runs are in text order: those between a content and its cue are its neighbours on the cue's side.
            for (var o = k + 1; after && o < _contents.Count && _contents[o].Last < to; o++) contentsBetween++;
            for (var o = k - 1; !after && o >= 0 && _contents[o].First > from; o--) contentsBetween++;
            for (var i = from + 1; i <= to && i < _paragraphStart.Length; i++) if (_paragraphStart[i]) paragraphs++;
            var sentences = Math.Clamp(Math.Abs(_sentence[cue.First] - (after ? _sentence[content.Last] : _sentence[content.First])), 0, 3);
            // A cue inside a quotation speaks for the quotation only when the content lies outside it.
            var cueQuoted = _quotation[cue.First] != 0;
            var sameQuotation = cueQuoted && (_quotation[cue.First] == _quotation[content.First] || _quotation[cue.First] == _quotation[content.Last]);
            var quoted = (cueQuoted ? 1 : 0) + (sameQuotation ? 2 : 0) + (_quotation[content.First] != 0 ? 4 : 0);
            var cueWord = Lower(cue.Last);
            var length = Math.Min(content.Last - content.First + 1, 40) switch { <= 2 => 0, <= 5 => 1, <= 12 => 2, <= 25 => 3, _ => 4 };
            var g = Bucket(gap);
            return
            [
                FeatureHash.Of(0).Value,
                FeatureHash.Of(1).Add(side).Add(g).Value,
                FeatureHash.Of(2).Add(side).Add(sentences).Value,
                FeatureHash.Of(3).Add(side).Add(Math.Min(cuesBetween, 2)).Add(Math.Min(contentsBetween, 2)).Value,
                FeatureHash.Of(4).Add(Math.Min(nearerCues, 3)).Add(side).Value,
                FeatureHash.Of(5).Add(quoted).Add(side).Value,
                FeatureHash.Of(6).Add(cueWord).Add(side).Value,
                FeatureHash.Of(7).Add(cueWord).Add(g).Value,
                FeatureHash.Of(8).Add(Math.Min(paragraphs, 2)).Add(side).Add(sentences).Value,
                FeatureHash.Of(9).Add(after ? Lower(content.Last + 1) : Lower(content.First - 1)).Add(side).Value,
                FeatureHash.Of(10).Add(Lower(cue.Last + 1)).Add(side).Value,
                FeatureHash.Of(11).Add(Lower(cue.First - 1)).Add(side).Value,
                FeatureHash.Of(12).Add(length).Add(side).Add(g).Value,
                FeatureHash.Of(13).Add(quoted).Add(Math.Min(nearerCues, 3)).Add(sentences).Value,
                FeatureHash.Of(14).Add(side).Add(g).Add(Math.Min(nearerCues, 3)).Add(sentences).Value,
            ];
        }
    }

    private static int Bucket(int d) => d switch { <= 1 => d, 2 => 2, 3 => 3, <= 5 => 4, <= 8 => 5, <= 15 => 6, <= 30 => 7, _ => 8 };
}
