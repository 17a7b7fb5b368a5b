using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Quotes;

/// <summary>After one epoch: relation scores on the held-out articles and whether this epoch is the best so far.</summary>
public sealed record AttributionEpoch(int Epoch, SpanScore Content, SpanScore ContentSource, bool Best, int Features);

/// <summary>
/// Trains an <see cref="AttributionTagger"/> on segmented documents with gold relations: the cue lexicon from the
/// training documents, then a few perceptron epochs over them in shuffled order, keeping the epoch whose averaged
/// model scores best (content+source F1) on the held-out documents.
/// </summary>
public static class AttributionTrainer
{
    public const float MinWeight = 0.001f;

    private const int LinkerEpochs = 5;

    /// <summary>The source linker, from the gold cues and sources: it sees tagged ones later, which are mostly the same.</summary>
    private static SourceLinker TrainLinker(IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train, int epochs, int seed)
    {
        var perceptron = new AveragedPerceptron(2);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order) SourceLinker.Learn(perceptron, train[d].Document, train[d].Gold);
        }
        return new SourceLinker(perceptron.Average(MinWeight));
    }

    /// <summary>The content linker, from the gold content and cue runs, as the source linker is.</summary>
    public static ContentLinker TrainContentLinker(IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train, int epochs = LinkerEpochs, int seed = 2016)
    {
        var perceptron = new AveragedPerceptron(2);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order) ContentLinker.Learn(perceptron, train[d].Document, train[d].Gold);
        }
        return new ContentLinker(perceptron.Average(MinWeight));
    }

    public static AttributionTagger Train(
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> train,
        IReadOnlyList<(Document Document, IReadOnlyList<Attribution> Gold)> heldOut,
        int epochs, Action<AttributionEpoch>? progress = null, int seed = 2016)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var gold = train.Select(t => AttributionTags.Encode(t.Document.Tokens, t.Gold)).ToArray();
        var lexicon = CueLexicon.Build(train.Select((t, k) => (t.Document.Tokens, gold[k])));
        var features = new AttributionFeatures(lexicon);
        var prepared = train.Select(t => features.Prepare(t.Document)).ToArray();
        var linker = TrainLinker(train, LinkerEpochs, seed);
        var contentLinker = TrainContentLinker(train, LinkerEpochs, seed);
        var perceptron = new AveragedPerceptron(AttributionTags.Count);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        AttributionTagger? best = null;
        var bestF1 = -1.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order) AttributionTagger.Decode(prepared[d], perceptron, perceptron, gold[d]);
            var tagger = new AttributionTagger(perceptron.Average(MinWeight), features, linker, contentLinker);
            var scorer = new AttributionScorer();
            foreach (var (document, relations) in heldOut) scorer.Add(document.Text, relations, tagger.Relations(document));
            var improved = heldOut.Count == 0 || scorer.ContentSource.F1 > bestF1;
            if (improved)
            {
                best = tagger;
                bestF1 = scorer.ContentSource.F1;
            }
            progress?.Invoke(new AttributionEpoch(epoch, scorer.Content, scorer.ContentSource, improved, ((PerceptronWeights)tagger.Scorer).FeatureCount));
        }
        return best!;
    }
}
