using Factdesk.Clustering;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Entities;

/// <summary>After one training epoch: the development scores and whether this epoch is the best so far.</summary>
public sealed record NerEpoch(int Epoch, ChunkScore Development, bool Best, int Features);

/// <summary>
/// Trains a <see cref="NerTagger"/> on CoNLL documents: a few epochs of the averaged perceptron over shuffled
/// documents, scoring the averaged model on the development documents after each and keeping the best.
/// </summary>
public static class NerTrainer
{
    /// <summary>Averaged weights smaller than this are dropped from the model: they rarely change a decision.</summary>
    public const float DefaultMinWeight = 0.001f;

    public static NerTagger Train(
        IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument> development, int epochs,
        Action<NerEpoch>? progress = null, float minWeight = DefaultMinWeight, int seed = 2003, IReadOnlyList<WordClusters>? clusters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        clusters ??= [];
        var names = NameList.Build(train);
        var features = new NerFeatures(names, Gazetteer.Default, clusters);
        var perceptron = new AveragedPerceptron(BilouTags.Count);
        var ownNames = train.Select(NameList.NamesOf).ToArray();
        var gold = train.Select(d => d.Sentences.Select(s => BilouTags.Encode(ConllChunks.Find(s.Tags), s.Tokens.Length)).ToArray()).ToArray();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);

        NerTagger? best = null;
        var bestF1 = -1.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                var context = new NerDocumentContext(train[d].Sentences.Select(s => s.Tokens));
                for (var s = 0; s < train[d].Sentences.Count; s++)
                {
                    var tokens = train[d].Sentences[s].Tokens;
                    context.Remember(tokens, NerFeatures.Decode(features.Prepare(tokens, ownNames[d], context), perceptron, perceptron, gold[d][s]));
                }
            }

            var tagger = new NerTagger(perceptron.Average(minWeight), names, clusters);
            var score = NerBenchmark.Run(tagger, development).Scorer.Overall;
            var improved = score.F1 > bestF1;
            if (improved)
            {
                best = tagger;
                bestF1 = score.F1;
            }
            progress?.Invoke(new NerEpoch(epoch, score, improved, tagger.FeatureCount));
        }
        return best!;
    }
}
