using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Chooses who speaks for a cue, among the source runs, person and organisation mentions and personal pronouns of the
/// cue's sentence and the one before: a ranking perceptron over the candidates of each cue (which side, how far, what
/// lies between, the words around the candidate, whether it stands inside the cue's own content or nearer another cue). The nearest source is often the
/// wrong one: "Trump, whom Clinton mocked, said ..." or "..., adding ..." after a named speaker.
/// </summary>
public sealed class SourceLinker(ILinearScorer scorer)
{
    private const int No = 0, Yes = 1;
    private const int MaxGap = 60;

    public ILinearScorer Scorer => scorer;

    /// <summary>Stands for "no source" among a cue's candidates ("It was announced that ...").</summary>
    public const int None = -1;

    /// <summary>
    /// The chosen source run of each cue that has content (by index), <see cref="None"/> where the linker ranks no
    /// source first, or no entry where the cue has no candidate.
    /// <paramref name="contentOf"/> maps each such cue to its content run.
    /// </summary>
    public Dictionary<int, int> Link(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> cues, IReadOnlyList<(int First, int Last)> sources, IReadOnlyDictionary<int, (int First, int Last)> contentOf)
    {
        var chosen = new Dictionary<int, int>();
        var context = new LinkContext(document, sentence, cues, sources, contentOf);
        foreach (var c in contentOf.Keys)
        {
            var best = -1;
            var bestMargin = 0f;
            foreach (var s in Candidates(sentence, cues[c], sources))
            {
                var margin = Margin(scorer, context.Features(c, s));
                if (best < 0 || margin > bestMargin) (best, bestMargin) = (s, margin);
            }
            // The best candidate is kept even below zero unless "no source" outranks it: a cue with some source near it rarely has none.
            if (best >= 0) chosen[c] = Margin(scorer, context.NoSourceFeatures(c)) > bestMargin ? None : best;
        }
        return chosen;
    }

    private static float Margin(ILinearScorer scorer, ulong[] features)
    {
        Span<float> scores = stackalloc float[2];
        scorer.AddScores(features, scores);
        return scores[Yes] - scores[No];
    }

    /// <summary>
    /// Learns from the gold relations of one document as a ranker: where another candidate outranks a cue's gold
    /// source, the gold one's features are rewarded and the winner's penalised.
    /// </summary>
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
        var contentOf = new Dictionary<int, (int First, int Last)>();
        foreach (var relation in gold)
            if (Run(relation.Cue) is { } cue && Run(relation.Content) is { } content)
            {
                var c = AddOnce(cues, cue);
                if (c < owner.Count) continue;
                contentOf[c] = content;
                owner.Add(Run(relation.Source) is { } source ? AddOnce(sources, source) : -1);
            }
        var context = new LinkContext(document, sentence, cues, sources = WithSpeakers(document, sources), contentOf);
        for (var c = 0; c < cues.Count; c++) Rank(learner, context, sentence, cues, sources, c, owner[c]);
    }

    /// <summary>
    /// Learns from the runs the tagger found in one document (its cues, their content as assembled, and the source
    /// candidates of <see cref="WithSpeakers"/>), which differ from the gold runs the other <see cref="Learn"/> sees: a
    /// content merged over a neighbour's cue, a cue cut short. Each cue that has content and overlaps a gold cue whose
    /// content its own overlaps learns to rank that relation's source (or "no source") first; a cue whose gold source
    /// is among none of its candidates, or that matches no gold relation, teaches nothing.
    /// </summary>
    public static void LearnPredicted(AveragedPerceptron learner, Document document, int[] sentence,
        IReadOnlyList<(int First, int Last)> cues, IReadOnlyList<(int First, int Last)> candidates,
        IReadOnlyDictionary<int, (int First, int Last)> contentOf, IReadOnlyList<Attribution> gold)
    {
        var tokens = document.Tokens;
        RoleSpan Span((int First, int Last) run) => new(tokens[run.First].Start, tokens[run.Last].End);
        var context = new LinkContext(document, sentence, cues, candidates, contentOf);
        foreach (var (c, content) in contentOf)
        {
            var cueSpan = Span(cues[c]);
            var contentSpan = Span(content);
            Attribution? own = null;
            var ownOverlap = 0;
            foreach (var relation in gold)
            {
                if (relation.Cue is null || !relation.Cue.Overlaps(cueSpan) || !relation.Content.Overlaps(contentSpan)) continue;
                var overlap = Math.Min(relation.Content.End, contentSpan.End) - Math.Max(relation.Content.Start, contentSpan.Start);
                if (overlap > ownOverlap) (own, ownOverlap) = (relation, overlap);
            }
            if (own is null) continue;
            var owner = None;
            if (own.Source is { } source)
            {
                owner = -2;
                foreach (var s in Candidates(sentence, cues[c], candidates))
                    if (Span(candidates[s]).Overlaps(source)) { owner = s; break; }
                if (owner == -2) continue;
            }
            Rank(learner, context, sentence, cues, candidates, c, owner);
        }
    }

    /// <summary>One ranking step for cue <paramref name="c"/>: an update only where another candidate outranks <paramref name="owner"/>.</summary>
    private static void Rank(AveragedPerceptron learner, LinkContext context, int[] sentence, IReadOnlyList<(int First, int Last)> cues,
        IReadOnlyList<(int First, int Last)> sources, int c, int owner)
    {
        var candidates = Candidates(sentence, cues[c], sources).ToList();
        if (candidates.Count == 0 || owner >= 0 && !candidates.Contains(owner)) return;
        var best = None;
        var bestFeatures = context.NoSourceFeatures(c);
        var bestMargin = Margin(learner, bestFeatures);
        foreach (var s in candidates)
        {
            var features = context.Features(c, s);
            var margin = Margin(learner, features);
            if (margin > bestMargin) (best, bestMargin, bestFeatures) = (s, margin, features);
        }
        if (best == owner)
        {
            learner.Tick();
            return;
        }
        learner.Update(owner == None ? context.NoSourceFeatures(c) : context.Features(c, owner), Yes, No);
        learner.Update(bestFeatures, No, Yes);
    }

    /// <summary>
    /// The source runs and, beside them, every person mention and personal pronoun that overlaps none of them: the
    /// tagger misses many speakers ("he", "Trump" in a long sentence), and the linker may still choose one.
    /// </summary>
    public static List<(int First, int Last)> WithSpeakers(Document document, IReadOnlyList<(int First, int Last)> runs)
    {
        var tokens = document.Tokens;
        var all = runs.ToList();
        bool Free(int first, int last) => !runs.Any(r => r.First <= last && first <= r.Last);
        foreach (var e in document.Entities)
        {
            if (e.Type is not (EntityType.Person or EntityType.Org)) continue;
            var first = AttributionTags.FirstOverlapping(tokens, e.Start);
            if (first >= tokens.Count) continue;
            var last = first;
            while (last + 1 < tokens.Count && tokens[last + 1].Start < e.End) last++;
            if (Free(first, last)) all.Add((first, last));
        }
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Text is "he" or "He" or "she" or "She" or "they" or "They" or "I" or "we" or "We" && Free(i, i)) all.Add((i, i));
        return all.Distinct().ToList();
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

    /// <summary>One document's runs, from which the features of any cue/candidate pair are read.</summary>
    internal sealed class LinkContext(Document document, int[] sentence, IReadOnlyList<(int First, int Last)> cues, IReadOnlyList<(int First, int Last)> sources, IReadOnlyDictionary<int, (int First, int Last)> contentOf)
    {
        private readonly bool[] _quoted = Quoted(document);

        private static bool[] Quoted(Document document)
        {
            var tokens = document.Tokens;
            var quoted = new bool[tokens.Count];
            foreach (var q in QuotationMarkScanner.Scan(document.Text))
                for (var i = AttributionTags.FirstOverlapping(tokens, q.Open); i < tokens.Count && tokens[i].Start <= q.Close; i++) quoted[i] = true;
            return quoted;
        }

        private string Lower(int i) => i < 0 ? "<s>" : i >= document.Tokens.Count ? "</s>" : document.Tokens[i].Text.ToLowerInvariant();

        private static int Gap((int First, int Last) a, (int First, int Last) b) =>
            a.Last < b.First ? b.First - a.Last : b.Last < a.First ? a.First - b.Last : 0;

        private static bool Inside((int First, int Last) run, (int First, int Last) span) => run.First >= span.First && run.Last <= span.Last;

        /// <summary>The features of "no source" for cue <paramref name="c"/>: its words, what stands before it, where its content is.</summary>
        public ulong[] NoSourceFeatures(int c)
        {
            var cue = cues[c];
            var cueWord = string.Join(' ', document.Tokens.Skip(cue.First).Take(cue.Last - cue.First + 1).Select(t => t.Text.ToLowerInvariant()));
            var contentSide = contentOf.TryGetValue(c, out var own) ? (own.Last < cue.First ? 0 : own.First > cue.Last ? 1 : 2) : -1;
            var sourcesNear = 0;
            foreach (var s in sources) if (sentence[s.First] == sentence[cue.First] && Gap(s, cue) <= 10) sourcesNear++;
            return
            [
                FeatureHash.Of(200).Value,
                FeatureHash.Of(201).Add(cueWord).Value,
                FeatureHash.Of(202).Add(Lower(cue.Last)).Add(contentSide).Value,
                FeatureHash.Of(203).Add(Lower(cue.First - 1)).Value,
                FeatureHash.Of(204).Add(Lower(cue.First - 2)).Add(Lower(cue.First - 1)).Value,
                FeatureHash.Of(205).Add(Lower(cue.Last + 1)).Add(contentSide).Value,
                FeatureHash.Of(206).Add(Math.Min(sourcesNear, 3)).Add(contentSide).Value,
                FeatureHash.Of(207).Add(_quoted[cue.First] ? 1 : 0).Add(Math.Min(sourcesNear, 3)).Value,
            ];
        }

        public ulong[] Features(int c, int s)
        {
            var tokens = document.Tokens;
            var cue = cues[c];
            var source = sources[s];
            var before = source.Last < cue.First;
            var (from, to) = before ? (source.Last, cue.First) : (cue.Last, source.First);
            var gap = Math.Max(0, to - from);
            int cuesBetween = 0, closerSameSide = 0, cuesCloserToSource = 0;
            foreach (var o in cues) if (o.First > from && o.Last < to) cuesBetween++;
            for (var o = 0; o < cues.Count; o++)
                if (o != c && sentence[cues[o].First] == sentence[source.First] && Gap(cues[o], source) < Gap(cue, source)) cuesCloserToSource++;
            foreach (var o in sources)
                if (o != source && (before ? o.Last < cue.First && o.Last > source.Last : o.First > cue.Last && o.First < source.First)) closerSameSide++;
            int commas = 0, quotes = 0, thats = 0, relatives = 0;
            for (var i = from + 1; i < to; i++)
            {
                var t = tokens[i].Text;
                if (t == ",") commas++;
                else if (tokens[i].Kind == TokenKind.Quote) quotes++;
                else if (t is "that" or "who" or "which") thats++;
                if (t is "who" or "whom" or "which" or "whose") relatives++;
            }
            var ownContent = contentOf.TryGetValue(c, out var content) ? (Inside(source, content) ? 2 : Gap(source, content) == 0 ? 1 : 0) : -1;
            var otherContent = 0;
            foreach (var (o, other) in contentOf)
                if (o != c && Inside(source, other)) otherContent = 1;
            var contentSide = contentOf.TryGetValue(c, out var own) ? (own.Last < cue.First ? 0 : own.First > cue.Last ? 1 : 2) : -1;
            var cueWord = string.Join(' ', tokens.Skip(cue.First).Take(cue.Last - cue.First + 1).Select(t => t.Text.ToLowerInvariant()));
            var cueHead = Lower(cue.Last);
            var head = Lower(source.Last);
            var firstWord = Lower(source.First);
            var entity = document.Entities.Within(tokens[source.First].Start, tokens[source.Last].End).Select(e => (int)e.Type).DefaultIfEmpty(-1).First();
            var side = before ? 1 : 0;
            var g = Bucket(gap);
            var sentences = sentence[cue.First] - sentence[source.Last];
            var quoted = _quoted[source.First] ? 1 : 0;
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
                // Where the candidate stands against the cue's content: a speaker inside it is quoted, not quoting.
                FeatureHash.Of(16).Add(ownContent).Add(side).Value,
                FeatureHash.Of(17).Add(otherContent).Add(ownContent).Value,
                FeatureHash.Of(18).Add(contentSide).Add(side).Add(Math.Min(closerSameSide, 2)).Value,
                // "Trump, whom Clinton mocked, said": a candidate nearer another cue most likely speaks for that one.
                FeatureHash.Of(19).Add(Math.Min(cuesCloserToSource, 2)).Add(side).Value,
                FeatureHash.Of(20).Add(Math.Min(relatives, 2)).Add(Math.Min(commas, 2)).Add(side).Value,
                FeatureHash.Of(21).Add(Lower(source.First - 1)).Add(side).Value,
                FeatureHash.Of(22).Add(Lower(source.Last + 1)).Add(side).Value,
                FeatureHash.Of(23).Add(Lower(source.First - 2)).Add(Lower(source.First - 1)).Value,
                FeatureHash.Of(24).Add(quoted).Add(ownContent).Value,
                FeatureHash.Of(25).Add(entity).Add(Math.Min(cuesCloserToSource, 2)).Add(Math.Min(closerSameSide, 2)).Value,
            ];
        }
    }

    private static int Bucket(int d) => d switch { <= 1 => d, 2 => 2, 3 => 3, <= 5 => 4, <= 8 => 5, <= 15 => 6, <= 30 => 7, _ => 8 };
}
