using System.IO.Compression;
using System.Text;
using Factdesk.Documents;
using Factdesk.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Factdesk.Evidence;

/// <summary>
/// The learned stance of a text toward a claim (FNC-1: agree, disagree, discuss, unrelated): a LightGBM multiclass
/// model over <see cref="StanceFeatures"/>. <see cref="Predict"/> is pure. Input it cannot judge gets a defined
/// answer, never an exception: an empty claim or text, or one that is not in English (the model and its cue words
/// know English only), is <see cref="Stance.Unrelated"/>.
/// </summary>
public sealed class StanceClassifier
{
    public const string ModelFile = "stance.zip";
    private const string ModelEntry = "lightgbm.zip";
    private const string WeightsEntry = "idf.tsv";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<StanceRow, StanceOutput> _engine;
    private readonly Lock _engineLock = new();

    private StanceClassifier(MLContext ml, ITransformer model, StanceFeatures features)
    {
        _ml = ml;
        _model = model;
        Features = features;
        _engine = ml.Model.CreatePredictionEngine<StanceRow, StanceOutput>(model, inputSchemaDefinition: SchemaFor());
    }

    public StanceFeatures Features { get; }

    public Stance Predict(string claim, string text) => Predict(Features.Prepare(claim), Features.Prepare(text));

    public Stance Predict(StanceFeatures.Prepared claim, StanceFeatures.Prepared text)
    {
        if (Undecidable(claim, text)) return Stance.Unrelated;
        var row = new StanceRow { Features = Features.Compute(claim, text), Label = "" };
        lock (_engineLock)
            return FncDataset.FromLabel(_engine.Predict(row).PredictedLabel) ?? Stance.Unrelated;
    }

    /// <summary>Many pairs at once (an evaluation): one pass of the model instead of one call per pair.</summary>
    public IReadOnlyList<Stance> PredictAll(IReadOnlyList<(StanceFeatures.Prepared Claim, StanceFeatures.Prepared Text)> pairs)
    {
        var rows = pairs.Select(p => new StanceRow { Features = Features.Compute(p.Claim, p.Text), Label = "" }).ToArray();
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows, SchemaFor()));
        var labels = _ml.Data.CreateEnumerable<StanceOutput>(scored, reuseRowObject: false).Select(o => o.PredictedLabel).ToArray();
        return pairs.Select((p, i) => Undecidable(p.Claim, p.Text) ? Stance.Unrelated : FncDataset.FromLabel(labels[i]) ?? Stance.Unrelated).ToArray();
    }

    private static bool Undecidable(StanceFeatures.Prepared claim, StanceFeatures.Prepared text) =>
        claim.Text.IsEmpty || text.Text.IsEmpty
        || claim.Text.Language is { } c && c != "en"
        || text.Text.Language is { } t && t != "en";

    /// <summary>Training options small enough for a laptop and a model of a few hundred kilobytes.</summary>
    /// <remarks><paramref name="RareClassWeight"/> weighs agree and disagree examples up (disagree twice as much), which FNC-1 has few of.</remarks>
    public sealed record Options(int Trees = 400, int Leaves = 31, double LearningRate = 0.05, int MinLeafExamples = 20, int Seed = 1, float RareClassWeight = 1);

    /// <summary>Learns term weights from the training texts, then the model from the labelled pairs.</summary>
    public static StanceClassifier Train(IReadOnlyDictionary<int, string> bodies, IReadOnlyList<StancePair> pairs, Options? options = null)
    {
        options ??= new Options();
        var usedBodies = pairs.Select(p => p.BodyId).Distinct().Where(bodies.ContainsKey).ToArray();
        var texts = usedBodies.Select(id => StanceText.Of(bodies[id]).Terms)
            .Concat(pairs.Select(p => p.Headline).Distinct().Select(h => StanceText.Of(h).Terms));
        var features = new StanceFeatures(TermWeights.Fit(texts));
        var rows = FeatureRows(features, bodies, pairs.Where(p => p.Gold is not null && bodies.ContainsKey(p.BodyId)).ToArray())
            .Select(r => new StanceRow { Features = r.Features, Label = FncDataset.Label(r.Pair.Gold!.Value), Weight = WeightOf(r.Pair.Gold!.Value, options) }).ToArray();

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor());
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinLeafExamples,
                Seed = options.Seed,
                NumberOfThreads = 1,
                ExampleWeightColumnName = nameof(StanceRow.Weight),
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new StanceClassifier(ml, pipeline.Fit(data), features);
    }

    private static float WeightOf(Stance gold, Options options) => gold switch
    {
        Stance.Supports => options.RareClassWeight,
        Stance.Refutes => 2 * options.RareClassWeight,
        _ => 1,
    };

    /// <summary>The features of each pair, each body and headline prepared once.</summary>
    public static IEnumerable<(StancePair Pair, float[] Features)> FeatureRows(StanceFeatures features, IReadOnlyDictionary<int, string> bodies, IReadOnlyList<StancePair> pairs)
    {
        var (claims, texts) = PrepareAll(features, bodies, pairs);
        return pairs.Select(p => (p, features.Compute(claims[p.Headline], texts[p.BodyId])));
    }

    public static (Dictionary<string, StanceFeatures.Prepared> Claims, Dictionary<int, StanceFeatures.Prepared> Texts) PrepareAll(
        StanceFeatures features, IReadOnlyDictionary<int, string> bodies, IReadOnlyList<StancePair> pairs)
    {
        var claims = pairs.Select(p => p.Headline).Distinct().AsParallel().Select(h => (h, features.Prepare(h))).ToDictionary(x => x.h, x => x.Item2);
        var texts = pairs.Select(p => p.BodyId).Distinct().Where(bodies.ContainsKey).AsParallel()
            .Select(id => (id, features.Prepare(bodies[id]))).ToDictionary(x => x.id, x => x.Item2);
        return (claims, texts);
    }

    /// <summary>A zip holding the ML.NET model and the term weights.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open())
        {
            var buffer = new MemoryStream();
            _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<StanceRow>(), SchemaFor()).Schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
        using var weights = new StreamWriter(zip.CreateEntry(WeightsEntry, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        Features.Weights.Save(weights);
    }

    public static StanceClassifier Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var model = new MemoryStream();
        using (var entry = (zip.GetEntry(ModelEntry) ?? throw new InvalidDataException($"stance model has no {ModelEntry}")).Open())
            entry.CopyTo(model);
        model.Position = 0;
        TermWeights weights;
        using (var reader = new StreamReader((zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException($"stance model has no {WeightsEntry}")).Open()))
            weights = TermWeights.Load(reader);
        var ml = new MLContext(1);
        return new StanceClassifier(ml, ml.Model.Load(model, out _), new StanceFeatures(weights));
    }

    private static readonly Lazy<StanceClassifier?> ShippedModel = new(() =>
    {
        if (!ShippedModels.Exists(ModelFile)) return null;
        using var stream = ShippedModels.Open(ModelFile);
        return Load(stream);
    });

    /// <summary>The model built into Factdesk (models/stance.zip), or null when this build has none.</summary>
    public static StanceClassifier? Shipped => ShippedModel.Value;

    private static SchemaDefinition SchemaFor()
    {
        var schema = SchemaDefinition.Create(typeof(StanceRow));
        schema[nameof(StanceRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, StanceFeatures.Count);
        return schema;
    }

    internal sealed class StanceRow
    {
        public float[] Features { get; set; } = [];
        public string Label { get; set; } = "";
        public float Weight { get; set; } = 1;
    }

    internal sealed class StanceOutput
    {
        public string PredictedLabel { get; set; } = "";
    }
}
