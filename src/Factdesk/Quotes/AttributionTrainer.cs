using Factdesk.Clustering;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Quotes;

/// <summary>After one epoch: relation scores on the held-out articles and whether this epoch is the best so far.</summary>
public sealed record AttributionEpoch(int Epoch, SpanScore Content, SpanScore ContentSource, bool Best, int Features);

/// <summary>
/// Trains an <see cref="AttributionTagger"/> on segmented documents with gold relations: the cue lexicon from the
/// training documents, then a few perceptron epochs over them in shuffled order, keeping the epoch whose averaged
/// model scores best (content+source F1) on the held-out documents. With folds, the linkers then learn again from
/// cross-fitted tags (<see cref="CrossFitTags"/>), and a second pass may be stacked on them
/// (<see cref="TrainSecondPass"/>); <see cref="ChooseOutsideBias"/> picks the decoding bias last.
/// </summary>
public static class AttributionTrainer
{
    public const float MinWeight = 0.001f;

    private const int LinkerEpochs = 5;

    /// <summary>
    /// Tags each training document with a tagger trained for <paramref name="epochs"/> on the other folds only
    /// (<paramref name="folds"/> of them, each with its own cue lexicon), so that the linkers can learn from runs
    /// such as the tagger finds on unseen text, mistakes included.
    /// </summary>
    public static int[][] CrossFitTags(IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train, int folds, int epochs, int seed = 2016,
        IReadOnlyList<WordClusters>? clusters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var tags = new int[train.Count][];
        var gold = train.Select(t => AttributionTags.Encode(t.Document.Tokens, t.Gold)).ToArray();
        for (var fold = 0; fold < folds; fold++)
        {
            var inFold = Enumerable.Range(0, train.Count).Where(d => d % folds != fold).ToArray();
            var lexicon = CueLexicon.Build(inFold.Select(d => (train[d].Document.Tokens, gold[d])));
            var features = Features(lexicon, clusters);
            var prepared = inFold.Select(d => features.Prepare(train[d].Document)).ToArray();
            var (tagger, _) = KeepBestEpoch(prepared, inFold.Select(d => gold[d]).ToArray(), epochs, seed, w => new AttributionTagger(w, features), [], null);
            for (var d = fold; d < train.Count; d += folds) tags[d] = tagger.Tag(train[d].Document);
        }
        return tags;
    }

    /// <summary>
    /// Both linkers (ranking perceptrons, <paramref name="epochs"/> passes) from the gold runs and, with
    /// <paramref name="tags"/>, also from the runs of those (cross-fitted) tags: the content linker first, whose
    /// choices then give the source linker each tagged cue's content.
    /// </summary>
    public static (ContentLinker Content, SourceLinker Source) TrainLinkers(
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train, int[][]? tags, int epochs = LinkerEpochs, int seed = 2016)
    {
        var runs = tags?.Select((t, d) => AttributionTagger.LinkContents(train[d].Document, t, null)).ToArray();
        var contentPerceptron = new AveragedPerceptron(2);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                ContentLinker.Learn(contentPerceptron, train[d].Document, train[d].Gold);
                if (runs is not null) ContentLinker.LearnPredicted(contentPerceptron, train[d].Document, runs[d].Sentence, runs[d].Contents, runs[d].Cues, train[d].Gold);
            }
        }
        var contentLinker = new ContentLinker(contentPerceptron.Average(MinWeight));
        var linked = tags?.Select((t, d) => AttributionTagger.LinkContents(train[d].Document, t, contentLinker)).ToArray();
        var candidates = linked?.Select((r, d) => SourceLinker.WithSpeakers(train[d].Document, r.Sources)).ToArray();
        var sourcePerceptron = new AveragedPerceptron(2);
        order = Enumerable.Range(0, train.Count).ToArray();
        random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                SourceLinker.Learn(sourcePerceptron, train[d].Document, train[d].Gold);
                if (linked is not null)
                    SourceLinker.LearnPredicted(sourcePerceptron, train[d].Document, linked[d].Sentence, linked[d].Cues, candidates![d], linked[d].ContentOf, train[d].Gold);
            }
        }
        return (contentLinker, new SourceLinker(sourcePerceptron.Average(MinWeight)));
    }

    public static AttributionTagger Train(
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train,
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut,
        int epochs, Action<AttributionEpoch>? progress = null, int seed = 2016, int folds = 0, Action<AttributionEpoch>? linked = null, bool stacked = false, Action<AttributionEpoch>? secondPass = null,
        IReadOnlyList<WordClusters>? clusters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var gold = train.Select(t => AttributionTags.Encode(t.Document.Tokens, t.Gold)).ToArray();
        var lexicon = CueLexicon.Build(train.Select((t, k) => (t.Document.Tokens, gold[k])));
        var features = Features(lexicon, clusters);
        var prepared = train.Select(t => features.Prepare(t.Document)).ToArray();
        // The linkers from the gold runs while the epoch is chosen; it sees tagged ones later, which are mostly the same.
        var (contentLinker, linker) = TrainLinkers(train, null, LinkerEpochs, seed);
        var (best, bestEpoch) = KeepBestEpoch(prepared, gold, epochs, seed, w => new AttributionTagger(w, features, linker, contentLinker), heldOut, progress);
        if (folds < 2) return best;
        // The linkers learn again, now also from the runs a tagger of the kept epoch finds on articles it was not
        // trained on (cross-fitted): on the held-out train articles content+source F1 rose 0.583 -> 0.610.
        var crossTags = CrossFitTags(train, folds, bestEpoch, seed, features.Clusters);
        var (crossContent, crossSource) = TrainLinkers(train, crossTags, LinkerEpochs, seed);
        var final = new AttributionTagger(best.Scorer, features, crossSource, crossContent);
        var check = Score(final, heldOut);
        linked?.Invoke(new AttributionEpoch(bestEpoch, check.Content, check.ContentSource, true, ((PerceptronWeights)final.Scorer).FeatureCount));
        return !stacked ? final : TrainSecondPass(final, train, prepared, crossTags, heldOut, epochs, secondPass, seed);
    }

    // The shipped entity tagger's word clusters unless others are given.
    private static AttributionFeatures Features(CueLexicon lexicon, IReadOnlyList<WordClusters>? clusters) =>
        clusters is null ? new AttributionFeatures(lexicon) : new AttributionFeatures(lexicon, clusters);

    /// <summary>
    /// A second, stacked pass over <paramref name="tagger"/>: a perceptron trained greedily, as the first, on each
    /// training document's features and its cross-fitted first-pass tags (<paramref name="firstTags"/>), keeping the
    /// epoch that scores best on <paramref name="heldOut"/> (whose first-pass tags come from the tagger itself).
    /// </summary>
    public static AttributionTagger TrainSecondPass(AttributionTagger tagger, IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train,
        ulong[][][] prepared, int[][] firstTags, IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut, int epochs,
        Action<AttributionEpoch>? progress = null, int seed = 2016)
    {
        var gold = train.Select(t => AttributionTags.Encode(t.Document.Tokens, t.Gold)).ToArray();
        var stacked = prepared.Select((p, d) => AttributionFeatures.Stacked(p, firstTags[d])).ToArray();
        return KeepBestEpoch(stacked, gold, epochs, seed,
            w => new AttributionTagger(tagger.Scorer, tagger.Features, tagger.Linker, tagger.ContentLinker) { Second = w }, heldOut, progress).Best;
    }

    /// <summary>
    /// Greedy perceptron epochs over <paramref name="features"/>, each averaged model made a tagger by
    /// <paramref name="make"/> and scored on <paramref name="heldOut"/>; the best one (the last when none is held out) and its epoch.
    /// </summary>
    private static (AttributionTagger Best, int Epoch) KeepBestEpoch(ulong[][][] features, int[][] gold, int epochs, int seed,
        Func<PerceptronWeights, AttributionTagger> make, IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut,
        Action<AttributionEpoch>? progress)
    {
        var perceptron = new AveragedPerceptron(AttributionTags.Count);
        var order = Enumerable.Range(0, features.Length).ToArray();
        var random = new Random(seed);
        AttributionTagger? best = null;
        var bestEpoch = 0;
        var bestF1 = -1.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order) AttributionTagger.Decode(features[d], perceptron, perceptron, gold[d]);
            var weights = perceptron.Average(MinWeight);
            var tagger = make(weights);
            var scorer = Score(tagger, heldOut);
            var improved = heldOut.Count == 0 || scorer.ContentSource.F1 > bestF1;
            if (improved) (best, bestF1, bestEpoch) = (tagger, scorer.ContentSource.F1, epoch);
            progress?.Invoke(new AttributionEpoch(epoch, scorer.Content, scorer.ContentSource, improved, weights.FeatureCount));
        }
        return (best!, bestEpoch);
    }

    private static AttributionScorer Score(AttributionTagger tagger, IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut)
    {
        var scorer = new AttributionScorer();
        foreach (var (document, relations) in heldOut) scorer.Add(document.Text, relations, tagger.Relations(document));
        return scorer;
    }

    /// <summary>The outside biases <see cref="ChooseOutsideBias"/> tries.</summary>
    public static readonly float[] OutsideBiases = [0, 3, 6, 9, 12, 18, 24, 30];

    /// <summary>
    /// The tagger with the <see cref="AttributionTagger.OutsideBias"/> of <see cref="OutsideBiases"/> that scores best
    /// (content+source F1) on <paramref name="heldOut"/>; with no held-out documents, the tagger as it is.
    /// </summary>
    public static AttributionTagger ChooseOutsideBias(AttributionTagger tagger,
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut, Action<float, AttributionScorer>? progress = null)
    {
        if (heldOut.Count == 0) return tagger;
        var best = tagger;
        var bestF1 = -1.0;
        foreach (var bias in OutsideBiases)
        {
            var biased = new AttributionTagger(tagger.Scorer, tagger.Features, tagger.Linker, tagger.ContentLinker) { OutsideBias = bias, Greedy = tagger.Greedy, Second = tagger.Second };
            var scorer = Score(biased, heldOut);
            progress?.Invoke(bias, scorer);
            if (scorer.ContentSource.F1 > bestF1) (best, bestF1) = (biased, scorer.ContentSource.F1);
        }
        return best;
    }
}
