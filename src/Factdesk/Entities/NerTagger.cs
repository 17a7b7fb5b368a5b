using System.IO.Compression;
using Factdesk.Clustering;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Entities;

/// <summary>
/// A learned tagger for CoNLL entity types (PER, ORG, LOC, MISC): greedy left-to-right BILOU decoding with
/// averaged-perceptron weights (<see cref="NerTrainer"/> trains it). <see cref="Predict"/> is pure: tokens of one
/// sentence in, IOB2 tags out. The shipped model (models/ner.bin) is loaded once per process, on first use.
/// </summary>
public sealed class NerTagger
{
    public const string ModelFile = "ner.bin";

    // Version 2 adds the word-cluster tables after the names (their count, then each table).
    private const string Magic = "factdesk-ner-2";
    private const string MagicWithoutClusters = "factdesk-ner-1";

    private static readonly Lazy<NerTagger?> ShippedTagger = new(() =>
    {
        if (!ShippedModels.Exists(ModelFile)) return null;
        using var stream = ShippedModels.Open(ModelFile);
        return Load(stream);
    });

    private readonly PerceptronWeights _weights;
    private readonly NameList _names;
    private readonly IReadOnlyList<WordClusters> _clusters;
    private readonly NerFeatures _features;

    internal NerTagger(PerceptronWeights weights, NameList names, IReadOnlyList<WordClusters> clusters)
    {
        _weights = weights;
        _names = names;
        _clusters = clusters;
        _features = new NerFeatures(names, Gazetteer.Default, clusters);
    }

    /// <summary>The model built into Factdesk, or null when the build has none (train it with `factdesk train ner`).</summary>
    public static NerTagger? Shipped => ShippedTagger.Value;

    public int FeatureCount => _weights.FeatureCount;

    /// <summary>The word cluster tables the tagger was trained with: word classes learned from unlabelled text.</summary>
    public IReadOnlyList<WordClusters> Clusters => _clusters;

    /// <summary>IOB2 tags (B-PER, I-PER, O, ...) for the tokens of one sentence on its own.</summary>
    public string[] Predict(IReadOnlyList<string> tokens) => PredictDocument([tokens])[0];

    /// <summary>
    /// IOB2 tags for each sentence of one document, in order. Words seen elsewhere in the document inform
    /// each other (see <see cref="NerDocumentContext"/>), so a whole story is tagged better than its sentences alone.
    /// </summary>
    public List<string[]> PredictDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var context = new NerDocumentContext(sentences);
        var result = new List<string[]>(sentences.Count);
        foreach (var tokens in sentences)
        {
            var tags = tokens.Count == 0 ? [] : NerFeatures.Decode(_features.Prepare(tokens, document: context), _weights);
            context.Remember(tokens, tags);
            result.Add(ConllChunks.ToIob2(BilouTags.Decode(tags), tokens.Count));
        }
        return result;
    }

    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(Magic);
        _weights.Write(writer);
        _names.Write(writer);
        writer.Write(_clusters.Count);
        foreach (var table in _clusters) table.Write(writer);
    }

    public static NerTagger Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(zip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        var magic = reader.ReadString();
        if (magic is not (Magic or MagicWithoutClusters)) throw new InvalidDataException("not a Factdesk entity tagger model");
        var weights = PerceptronWeights.Read(reader);
        var names = NameList.Read(reader);
        var tables = magic == Magic ? reader.ReadInt32() : 0;
        if (tables is < 0 or > 16) throw new InvalidDataException("entity tagger model has an impossible number of cluster tables");
        var clusters = new WordClusters[tables];
        for (var t = 0; t < tables; t++) clusters[t] = WordClusters.Read(reader);
        return new NerTagger(weights, names, clusters);
    }
}
