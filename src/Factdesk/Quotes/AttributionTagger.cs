using Factdesk.Clustering;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// A learned reader of attribution relations: an averaged perceptron tags each token as content, cue or source
/// (BIO, decoded by Viterbi over the whole article, so content may run over sentences and paragraphs; optionally
/// a second pass tags again with the first's tags as features), and the runs of tags are then tied into relations,
/// each content to a cue (<see cref="Quotes.ContentLinker"/>) and each cue to a source (<see cref="SourceLinker"/>).
/// Trained by <see cref="AttributionTrainer"/>; it needs a segmented document, and reads entities when there are some.
/// </summary>
public sealed class AttributionTagger(ILinearScorer scorer, AttributionFeatures features, SourceLinker? linker = null, ContentLinker? contentLinker = null)
{
    private const string Magic = "factdesk-attribution-tagger";
    private const int Version = 8;

    // A content and its cue stand within a few dozen tokens: the cue of a long paraphrase is at its start or end.
    private const int MaxCueGap = 40;
    // A source stands in its cue's sentence, mostly right before it ("Trump said"), less often after ("said Trump").
    private const int MaxSourceGap = 30;
    private const int MaxFallbackGap = 15;
    private const int AfterCuePenalty = 2;
    private const int CueBetweenPenalty = 15;
    // A one-word content run is mostly a stray tag: dropping them raised dev content+source F1 by 0.005.
    private const int MinContentWords = 2;

    public AttributionFeatures Features => features;

    public ILinearScorer Scorer => scorer;

    public SourceLinker? Linker => linker;

    public ContentLinker? ContentLinker => contentLinker;

    /// <summary>
    /// Decode greedily, as the tagger is trained, instead of by <see cref="Viterbi"/>. Viterbi is the default: on
    /// PolNeAR dev it raised content F1 with each of three models (+0.009 to +0.021) and content+source F1 moved
    /// -0.005 to +0.012 with them; greedy is kept to compare the two.
    /// </summary>
    public bool Greedy { get; init; }

    /// <summary>
    /// Taken off each token's "outside" score when tagging (never in training): the tagger trained on its own path
    /// is cautious, finding content with precision 0.83 and recall 0.69 on held-out train articles, and a bias
    /// chosen there by <see cref="AttributionTrainer"/> trades some of that precision for recall.
    /// </summary>
    public float OutsideBias { get; init; }

    /// <summary>
    /// A second pass, trained on the tags a first pass gave articles it had not seen (cross-fitted), that tags again
    /// with the first pass's tags as features (<see cref="AttributionFeatures.Stacked"/>); null for one pass.
    /// </summary>
    public ILinearScorer? Second { get; init; }

    public int[] Tag(Document document)
    {
        var prepared = features.Prepare(document);
        if (Second is null) return Decode(prepared, scorer, OutsideBias);
        // The first pass as the second learned it: its tags on unseen articles, with no bias.
        return Decode(AttributionFeatures.Stacked(prepared, Decode(prepared, scorer, 0)), Second, OutsideBias);
    }

    private int[] Decode(ulong[][] prepared, ILinearScorer weights, float bias) =>
        Greedy ? Decode(prepared, weights, outsideBias: bias) : Viterbi(prepared, weights, bias);

    /// <summary>
    /// The best-scoring tag sequence that is well formed (a continuing tag only after its own role's begin or
    /// continuing tag). The features see the two tags before a token, so the search runs over pairs of tags; it is
    /// exact for the learned scores, where greedy decoding commits to each tag before seeing the next.
    /// </summary>
    internal static int[] Viterbi(ulong[][] fixedFeatures, ILinearScorer scorer, float outsideBias = 0)
    {
        var n = fixedFeatures.Length;
        if (n == 0) return [];
        // States are (tag, tag before), each shifted by one so that 0 stands for "before the article".
        const int S = AttributionTags.Count + 1;
        var delta = new float[S, S];
        var next = new float[S, S];
        var back = new byte[n, S, S];
        var fixedScores = new float[AttributionTags.Count];
        var previousScores = new float[AttributionTags.Count];
        var pairScores = new float[AttributionTags.Count];
        Span<ulong> history = stackalloc ulong[AttributionFeatures.HistoryFeatures];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(fixedScores);
            scorer.AddScores(fixedFeatures[i], fixedScores);
            fixedScores[AttributionTags.Outside] -= outsideBias;
            for (var a = 0; a < S; a++)
            for (var b = 0; b < S; b++) next[a, b] = float.NegativeInfinity;
            // The tag before this token (a) and the one before that (b); position 0 has only the start state.
            for (var a = 0; a < S; a++)
            {
                if (i == 0 ? a != 0 : a == 0) continue;
                Array.Copy(fixedScores, previousScores, fixedScores.Length);
                var count = AttributionFeatures.PreviousOnly(fixedFeatures[i], a - 1, history);
                scorer.AddScores(history[..count], previousScores);
                for (var b = 0; b < S; b++)
                {
                    var before = i == 0 ? 0f : delta[a, b];
                    if (i <= 1 ? b != 0 : b == 0) continue;
                    if (float.IsNegativeInfinity(before)) continue;
                    Array.Copy(previousScores, pairScores, previousScores.Length);
                    history[0] = AttributionFeatures.PairFeature(a - 1, b - 1);
                    scorer.AddScores(history[..1], pairScores);
                    for (var t = 0; t < AttributionTags.Count; t++)
                    {
                        if (!AttributionTags.CanFollow(a - 1, t)) continue;
                        var total = before + pairScores[t];
                        if (total > next[t + 1, a])
                        {
                            next[t + 1, a] = total;
                            back[i, t + 1, a] = (byte)b;
                        }
                    }
                }
            }
            (delta, next) = (next, delta);
        }
        int bestA = 0, bestB = 0;
        for (var a = 0; a < S; a++)
        for (var b = 0; b < S; b++)
            if (delta[a, b] > delta[bestA, bestB]) (bestA, bestB) = (a, b);
        var tags = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = bestA - 1;
            var earlier = back[i, bestA, bestB];
            (bestA, bestB) = (bestB, earlier);
        }
        return tags;
    }

    /// <summary>Greedy decoding; with <paramref name="gold"/>, the perceptron learns from each mistake as it goes.</summary>
    internal static int[] Decode(ulong[][] fixedFeatures, ILinearScorer scorer, AveragedPerceptron? learner = null, int[]? gold = null, float outsideBias = 0)
    {
        var tags = new int[fixedFeatures.Length];
        var buffer = new ulong[fixedFeatures.Length == 0 ? 0 : fixedFeatures.Max(f => f.Length) + AttributionFeatures.HistoryFeatures];
        Span<float> scores = stackalloc float[AttributionTags.Count];
        for (var i = 0; i < fixedFeatures.Length; i++)
        {
            var previous = i > 0 ? tags[i - 1] : -1;
            var beforePrevious = i > 1 ? tags[i - 2] : -1;
            var count = AttributionFeatures.WithHistory(fixedFeatures[i], previous, beforePrevious, buffer);
            var active = buffer.AsSpan(0, count);
            scores.Clear();
            scorer.AddScores(active, scores);
            scores[AttributionTags.Outside] -= outsideBias;
            var best = 0;
            for (var c = 1; c < scores.Length; c++)
                if (scores[c] > scores[best]) best = c;
            if (learner is not null && gold is not null)
            {
                learner.Update(active, gold[i], best);
                // Learning along the gold path would leave the model unused to its own mistakes; its own path teaches recovery.
            }
            tags[i] = best;
        }
        return tags;
    }

    /// <summary>The attribution relations of a segmented document, in text order.</summary>
    public List<Attribution> Relations(Document document) => Assemble(document, Tag(document), linker, contentLinker);

    /// <summary>Ties runs of tags into relations: each content to the nearest cue, each cue to its nearest source.</summary>
    public static List<Attribution> Assemble(Document document, int[] tags, SourceLinker? linker = null, ContentLinker? contentLinker = null)
    {
        var tokens = document.Tokens;
        var (sentence, cueRuns, sources, _, contentOf) = LinkContents(document, tags, contentLinker);
        var cues = cueRuns.Select(q => (Role: AttributionRole.Cue, q.First, q.Last)).ToList();
        var runs = sources;
        if (linker is not null) runs = SourceLinker.WithSpeakers(document, runs);
        var sourceOf = linker is null
            ? Sources(cues, sources.Select(q => (Role: AttributionRole.Source, q.First, q.Last)).ToList(), contentOf.Keys, sentence)
            : linker.Link(document, sentence, cueRuns, runs, contentOf);
        RoleSpan Span(int first, int last) => new(tokens[first].Start, tokens[last].End);
        var fallback = new Dictionary<int, RoleSpan>();
        foreach (var c in contentOf.Keys)
            if (!sourceOf.ContainsKey(c) && FallbackSource(document, sentence, cues[c].First, contentOf[c]) is { } found) fallback[c] = found;
        var relations = new List<Attribution>();
        foreach (var (c, (first, last)) in contentOf)
            if (Words(tokens, first, last) >= MinContentWords)
                relations.Add(new Attribution(Span(first, last), Span(cues[c].First, cues[c].Last),
                    sourceOf.TryGetValue(c, out var s) ? s < 0 ? null : Span(runs[s].First, runs[s].Last) : fallback.GetValueOrDefault(c)));
        relations.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return relations;
    }

    /// <summary>The runs of a document's tags, with each content tied to its cue: what the source linker works on.</summary>
    public sealed record LinkedRuns(int[] Sentence, List<(int First, int Last)> Cues, List<(int First, int Last)> Sources,
        List<(int First, int Last)> Contents, Dictionary<int, (int First, int Last)> ContentOf);

    /// <summary>
    /// The runs of <paramref name="tags"/>, each content run tied to a cue (by <paramref name="contentLinker"/>, else
    /// the nearest) and the content runs of one cue joined; content with no cue near it is left out.
    /// </summary>
    public static LinkedRuns LinkContents(Document document, int[] tags, ContentLinker? contentLinker)
    {
        var sentence = SentenceIndex(document);
        var spans = AttributionTags.Spans(tags);
        var cues = spans.Where(s => s.Role == AttributionRole.Cue).ToList();
        var sources = spans.Where(s => s.Role == AttributionRole.Source).Select(s => (s.First, s.Last)).ToList();
        var contentRuns = spans.Where(s => s.Role == AttributionRole.Content).Select(s => (s.First, s.Last)).ToList();
        var cueRuns = cues.Select(q => (q.First, q.Last)).ToList();
        var cueOfContent = contentLinker?.Link(document, sentence, contentRuns, cueRuns);
        var contentOf = new Dictionary<int, (int First, int Last)>();
        for (var k = 0; k < contentRuns.Count; k++)
        {
            var content = contentRuns[k];
            var cue = cueOfContent?[k] ?? Nearest(cues, content.First, content.Last, MaxCueGap);
            // Content with no cue near it attributes nothing to anyone: on held-out train articles fewer than half
            // such runs overlapped a gold relation, and nearly none had its source right.
            if (cue < 0) continue;
            // A quotation split by its cue ("“...,” he said, “...”") is one relation, as PolNeAR marks it.
            contentOf[cue] = contentOf.TryGetValue(cue, out var known)
                ? (Math.Min(known.First, content.First), Math.Max(known.Last, content.Last))
                : (content.First, content.Last);
        }
        return new LinkedRuns(sentence, cueRuns, sources, contentRuns, contentOf);
    }

    /// <summary>
    /// The source of each cue: a source run in the cue's sentence, the nearest first, one before the cue preferred
    /// ("Trump said") and one with another cue between them avoided. Each source goes to one cue while others are
    /// free; a cue left over may share one ("Sanders said ..., adding ...").
    /// </summary>
    private static Dictionary<int, int> Sources(
        List<(AttributionRole Role, int First, int Last)> cues, List<(AttributionRole Role, int First, int Last)> sources, IEnumerable<int> used, int[] sentence)
    {
        var pairs = new List<(int Cost, int Cue, int Source)>();
        foreach (var c in used)
            for (var s = 0; s < sources.Count; s++)
            {
                if (sentence[sources[s].First] != sentence[cues[c].First] && sentence[sources[s].Last] != sentence[cues[c].Last]) continue;
                var cost = Gap(cues[c].First, cues[c].Last, sources[s].First, sources[s].Last);
                if (cost > MaxSourceGap) continue;
                if (sources[s].First > cues[c].Last) cost += AfterCuePenalty;
                var (from, to) = sources[s].Last < cues[c].First ? (sources[s].Last, cues[c].First) : (cues[c].Last, sources[s].First);
                if (cues.Any(o => o.First > from && o.Last < to)) cost += CueBetweenPenalty;
                pairs.Add((cost, c, s));
            }
        pairs.Sort((a, b) => a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Cue.CompareTo(b.Cue));
        var sourceOf = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        foreach (var (_, c, s) in pairs)
            if (!sourceOf.ContainsKey(c) && taken.Add(s)) sourceOf[c] = s;
        foreach (var (_, c, s) in pairs) sourceOf.TryAdd(c, s);
        return sourceOf;
    }

    /// <summary>
    /// A speaker for a cue the tagger gave none: the nearest person or personal pronoun before it in its sentence,
    /// outside its content ("..., she said" where "she" went untagged).
    /// </summary>
    private static RoleSpan? FallbackSource(Document document, int[] sentence, int cue, (int First, int Last) content)
    {
        var tokens = document.Tokens;
        for (var i = cue - 1; i >= 0 && cue - i <= MaxFallbackGap && sentence[i] == sentence[cue]; i--)
        {
            if (i >= content.First && i <= content.Last) continue;
            if (tokens[i].Text is "he" or "she" or "He" or "She" or "they" or "They" or "I" or "we" or "We") return new RoleSpan(tokens[i].Start, tokens[i].End);
            var person = document.Entities.Overlapping(tokens[i].Start, tokens[i].End).FirstOrDefault(e => e.Type == EntityType.Person);
            if (person is not null) return new RoleSpan(person.Start, person.End);
        }
        return null;
    }

    /// <summary>The index of each token's sentence (tokens between sentences count with the next one).</summary>
    internal static int[] SentenceIndex(Document document)
    {
        var index = new int[document.Tokens.Count];
        for (int i = 0, s = 0; i < index.Length; i++)
        {
            while (s < document.Sentences.Count && document.Sentences[s].End <= document.Tokens[i].Start) s++;
            index[i] = s;
        }
        return index;
    }

    private static int Words(List<Token> tokens, int first, int last)
    {
        var words = 0;
        for (var i = first; i <= last && words < MinContentWords; i++)
            if (tokens[i].Text.Length > 0 && char.IsLetterOrDigit(tokens[i].Text[0])) words++;
        return words;
    }

    private static int Nearest(List<(AttributionRole Role, int First, int Last)> candidates, int first, int last, int maxGap)
    {
        var best = -1;
        var bestGap = int.MaxValue;
        for (var k = 0; k < candidates.Count; k++)
        {
            var gap = Gap(first, last, candidates[k].First, candidates[k].Last);
            if (gap <= maxGap && gap < bestGap) (best, bestGap) = (k, gap);
        }
        return best;
    }

    private static int Gap(int firstA, int lastA, int firstB, int lastB) =>
        lastA < firstB ? firstB - lastA : lastB < firstA ? firstA - lastB : 0;

    public void Save(string path)
    {
        if (scorer is not PerceptronWeights weights || linker?.Scorer is not PerceptronWeights links || contentLinker?.Scorer is not PerceptronWeights contentLinks)
            throw new InvalidOperationException("only a trained tagger with its source and content linkers can be saved");
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(OutsideBias);
        features.Lexicon.Write(writer);
        // The cluster tables go with the model: retraining the entity model must not change what this one reads.
        writer.Write(features.Clusters.Count);
        foreach (var table in features.Clusters) table.Write(writer);
        weights.Write(writer);
        links.Write(writer);
        contentLinks.Write(writer);
        writer.Write(Second is PerceptronWeights);
        if (Second is PerceptronWeights second) second.Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a file of another kind is an <see cref="InvalidDataException"/>.</summary>
    public static AttributionTagger Load(Stream stream)
    {
        using var reader = new BinaryReader(stream);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a Factdesk attribution model");
            // Each round of feature or linker changes bumped the format; an older file is ours, only out of date.
            if (reader.ReadInt32() is var version && version != Version)
                throw new InvalidDataException($"an attribution model of format {version}; this build reads format {Version}: retrain it with `factdesk train quotes`");
            var outsideBias = reader.ReadSingle();
            var lexicon = CueLexicon.Read(reader);
            var tables = reader.ReadInt32();
            if (tables is < 0 or > 16) throw new InvalidDataException("not a Factdesk attribution model");
            var clusters = new WordClusters[tables];
            for (var t = 0; t < tables; t++) clusters[t] = WordClusters.Read(reader);
            var weights = PerceptronWeights.Read(reader);
            var links = PerceptronWeights.Read(reader);
            var contentLinks = PerceptronWeights.Read(reader);
            var second = reader.ReadBoolean() ? PerceptronWeights.Read(reader) : null;
            if (weights.Classes != AttributionTags.Count || links.Classes != 2 || contentLinks.Classes != 2 || second is { Classes: not AttributionTags.Count })
                throw new InvalidDataException("not a Factdesk attribution model");
            return new AttributionTagger(weights, new AttributionFeatures(lexicon, clusters), new SourceLinker(links), new ContentLinker(contentLinks)) { OutsideBias = outsideBias, Second = second };
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the attribution model is cut short");
        }
    }
}
