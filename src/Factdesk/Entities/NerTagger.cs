using System.IO.Compression;
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

    private const string Magic = "factdesk-ner-1";

    private static readonly Lazy<NerTagger?> ShippedTagger = new(() =>
    {
        if (!ShippedModels.Exists(ModelFile)) return null;
        using var stream = ShippedModels.Open(ModelFile);
        return Load(stream);
    });

    private readonly PerceptronWeights _weights;
    private readonly NameList _names;
    private readonly NerFeatures _features;

    internal NerTagger(PerceptronWeights weights, NameList names)
    {
        _weights = weights;
        _names = names;
        _features = new NerFeatures(names, Gazetteer.Default);
    }

    /// <summary>The model built into Factdesk, or null when the build has none (train it with `factdesk train ner`).</summary>
    public static NerTagger? Shipped => ShippedTagger.Value;

    public int FeatureCount => _weights.FeatureCount;

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
    }

    public static NerTagger Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(zip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a Factdesk entity tagger model");
        var weights = PerceptronWeights.Read(reader);
        return new NerTagger(weights, NameList.Read(reader));
    }
}
