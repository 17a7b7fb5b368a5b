using Factdesk.Ingestion;
using Factdesk.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Factdesk.Matching;

/// <summary>LightGBM LambdaRank settings; the defaults are the ones the shipped model was trained with.</summary>
public sealed record MatchRerankerOptions(int Iterations = 200, int Leaves = 15, double LearningRate = 0.05, int MinimumExamplesPerLeaf = 20, int Depth = 30, int Seed = 1, double FeatureFraction = 1);

/// <summary>One training query: its prepared form, its first-stage pool (best hybrid score first) and the ids of its relevant fact-checks.</summary>
public sealed record RerankGroup(RerankQuery Query, IReadOnlyList<RerankCandidate> Pool, IReadOnlySet<string> Relevant)
{
    private float[][]? _features;

    /// <summary>A copy (`with`) computes its own features: its pool or <see cref="Second"/> may differ from the original's.</summary>
    private RerankGroup(RerankGroup original)
    {
        Query = original.Query;
        Pool = original.Pool;
        Relevant = original.Relevant;
        Second = original.Second;
    }

    /// <summary>Whether the features include the <see cref="SecondEncoderFeatures"/> (the query and pool carry the second encoder's cosines).</summary>
    public bool Second { get; init; }

    /// <summary>The pool's features, computed once: cross-validation trains and scores every group many times.</summary>
    public float[][] Features => _features ??= MatchFeatures.Of(Query, Pool, Second);
}

/// <summary>
/// The second stage of claim matching: a LightGBM LambdaRank model over <see cref="MatchFeatures"/> that reorders
/// the first <see cref="Depth"/> candidates of the hybrid ranking; the rest keep their hybrid order below them.
/// Not thread-safe (one ML.NET prediction engine); one instance per worker.
/// </summary>
public sealed class MatchReranker
{
    public const string FileName = "matcher.zip";

    private static readonly Lazy<MatchReranker?> ShippedModel = new(() => ShippedModels.LoadOrNull(FileName, Load));

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _schema;
    private PredictionEngine<FeatureRow, ScoreRow>? _engine;

    /// <summary>The second encoders a reranker can be trained with (<see cref="SecondEncoder"/>).</summary>
    public const string ArcticEncoder = "arctic-embed-xs";
    public const string TunedMiniLmEncoder = "minilm-tuned";

    private MatchReranker(MLContext ml, ITransformer transformer, DataViewSchema schema, int depth, int features, string? secondEncoder)
    {
        SecondEncoder = secondEncoder;
        _ml = ml;
        _transformer = transformer;
        _schema = schema;
        Depth = depth;
        FeatureCount = features;
    }

    /// <summary>How many features a row has: <see cref="MatchFeatures.Count"/>, plus <see cref="SecondEncoderFeatures.Count"/> when <see cref="UsesSecondEncoder"/>.</summary>
    public int FeatureCount { get; }

    /// <summary>Whether the model was trained with a second encoder's features: queries and candidates then need its vectors.</summary>
    public bool UsesSecondEncoder => FeatureCount == MatchFeatures.Count + SecondEncoderFeatures.Count;

    /// <summary>Which second encoder the model's <see cref="SecondEncoderFeatures"/> came from (<see cref="ArcticEncoder"/> or <see cref="TunedMiniLmEncoder"/>); null without them.</summary>
    public string? SecondEncoder { get; }

    // Files written before the second encoder's features start with the depth; later ones with a marker, the depth and
    // the feature count; since the second encoder could be another model than a tuned MiniLM, its name follows.
    private const int FormatMarker = -2;
    private const int NamedEncoderMarker = -3;

    private static SchemaDefinition Schema<T>(int features)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    /// <summary>How many of the first-stage candidates are reordered.</summary>
    public int Depth { get; }

    /// <summary>The model built into the library, or null when this build has none.</summary>
    public static MatchReranker? Shipped => ShippedModel.Value;

    /// <param name="secondEncoder">Names the encoder of the groups' <see cref="SecondEncoderFeatures"/>, when they have them (needed to save the model).</param>
    public static MatchReranker Train(IReadOnlyList<RerankGroup> groups, MatchRerankerOptions? options = null, string? secondEncoder = null)
    {
        options ??= new MatchRerankerOptions();
        var ml = new MLContext(seed: options.Seed);
        var rows = new List<TrainingRow>();
        var featureCount = groups.Count == 0 ? MatchFeatures.Count : groups[0].Second ? MatchFeatures.Count + SecondEncoderFeatures.Count : MatchFeatures.Count;
        if (groups.Any(g => g.Second != groups[0].Second)) throw new ArgumentException("some training queries have the second encoder's features and some do not", nameof(groups));
        for (var g = 0; g < groups.Count; g++)
        {
            var top = Top(groups[g].Pool, options.Depth);
            var features = groups[g].Features;
            for (var i = 0; i < top.Count; i++)
                rows.Add(new TrainingRow { Label = groups[g].Relevant.Contains(top[i].Entry.Id) ? 1 : 0, Group = (uint)g, Features = features[i] });
        }
        if (!rows.Any(r => r.Label > 0)) throw new ArgumentException("no training query has a relevant fact-check among its candidates", nameof(groups));
        var data = ml.Data.LoadFromEnumerable(rows, Schema<TrainingRow>(featureCount));
        var keyed = ml.Transforms.Conversion.MapValueToKey("GroupId", nameof(TrainingRow.Group)).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            RowGroupColumnName = "GroupId",
            FeatureColumnName = nameof(TrainingRow.Features),
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            // Relevance is 0/1: a gain of 1 for the relevant fact-check, and MAP@5 cares about the first few places.
            CustomGains = [0, 1],
            Seed = options.Seed,
            Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
            // One thread: the data is small, and on a loaded machine OpenMP threads waiting on each other cost far more.
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        });
        var model = trainer.Fit(keyed);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), Schema<FeatureRow>(featureCount)).Schema;
        return new MatchReranker(ml, model, schema, options.Depth, featureCount, featureCount == MatchFeatures.Count ? null : secondEncoder);
    }

    public static MatchReranker Load(Stream stream)
    {
        var ml = new MLContext(seed: 1);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        // The depth travels in front of the ML.NET model, so a model is always applied as deep as it was trained.
        var reader = new BinaryReader(buffer);
        var depth = reader.ReadInt32();
        var features = MatchFeatures.Count;
        string? secondEncoder = null;
        if (depth is FormatMarker or NamedEncoderMarker)
        {
            var named = depth == NamedEncoderMarker;
            depth = reader.ReadInt32();
            features = reader.ReadInt32();
            if (features != MatchFeatures.Count && features != MatchFeatures.Count + SecondEncoderFeatures.Count)
                throw new InvalidDataException($"matcher model of {features} features; this build computes {MatchFeatures.Count} (or {MatchFeatures.Count + SecondEncoderFeatures.Count} with a second encoder): retrain with `factdesk train matcher`");
            if (features != MatchFeatures.Count) secondEncoder = named ? reader.ReadString() : TunedMiniLmEncoder;
            if (secondEncoder is not null and not ArcticEncoder and not TunedMiniLmEncoder)
                throw new InvalidDataException($"matcher model of {features} features; this build computes {MatchFeatures.Count} (or {MatchFeatures.Count + SecondEncoderFeatures.Count} with a second encoder), but not with the second encoder \"{secondEncoder}\": retrain with `factdesk train matcher`");
        }
        var transformer = ml.Model.Load(buffer, out var schema);
        return new MatchReranker(ml, transformer, schema, depth, features, secondEncoder);
    }

    public static MatchReranker LoadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such model file");
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("matcher model of", StringComparison.Ordinal))
        {
            throw new InputException(path, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or IOException or ArgumentException)
        {
            throw new InputException(path, "is not a matcher model saved by `factdesk train matcher`");
        }
    }

    public void Save(string path)
    {
        if (FeatureCount != MatchFeatures.Count && SecondEncoder is null)
            throw new InvalidOperationException("a reranker with a second encoder's features is saved with that encoder's name (Train's secondEncoder)");
        using var stream = File.Create(path);
        var writer = new BinaryWriter(stream);
        if (FeatureCount == MatchFeatures.Count) writer.Write(Depth);
        else
        {
            writer.Write(NamedEncoderMarker);
            writer.Write(Depth);
            writer.Write(FeatureCount);
            writer.Write(SecondEncoder!);
        }
        _ml.Model.Save(_transformer, _schema, stream);
    }

    /// <summary>
    /// The encoder of the model's <see cref="SecondEncoderFeatures"/>; the shipped tuned weights for a model trained
    /// with a tuned MiniLM. <paramref name="int8"/>: arctic-embed-xs quantized (the store search's choice).
    /// </summary>
    public SentenceEncoder LoadSecondEncoder(int threads = 1, bool int8 = false) => SecondEncoder switch
    {
        ArcticEncoder => SentenceEncoder.LoadArctic(threads, int8),
        TunedMiniLmEncoder => SentenceEncoder.LoadShippedTuned(threads),
        _ => throw new InvalidOperationException("this reranker uses no second encoder"),
    };

    /// <summary>The pool in its new order: the first <see cref="Depth"/> by the model's score (returned beside each), then the rest as they were.</summary>
    public List<(RerankCandidate Candidate, double Score)> Rerank(RerankQuery query, IReadOnlyList<RerankCandidate> pool) =>
        Rerank(pool, MatchFeatures.Of(query, pool, UsesSecondEncoder));

    /// <summary>The same with the pool's features already computed.</summary>
    public List<(RerankCandidate Candidate, double Score)> Rerank(IReadOnlyList<RerankCandidate> pool, float[][] features)
    {
        var top = Top(pool, Depth);
        if (top.Count == 0) return [];
        _engine ??= _ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(_transformer, inputSchemaDefinition: Schema<FeatureRow>(FeatureCount));
        var scores = top.Select((_, i) => _engine.Predict(new FeatureRow { Features = features[i] }).Score).ToArray();
        var reordered = Enumerable.Range(0, top.Count).OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Select(i => (top[i], (double)scores[i])).ToList();
        var floor = reordered.Min(r => r.Item2);
        reordered.AddRange(pool.Skip(top.Count).Select((c, k) => (c, floor - 1 - k)));
        return reordered;
    }

    /// <summary>The pool is ordered by hybrid score, best first; its head is what the reranker sees.</summary>
    private static List<RerankCandidate> Top(IReadOnlyList<RerankCandidate> pool, int depth) => pool.Take(depth).ToList();

    // The vector's length is set at run time (Schema): 47, or 51 with a second encoder's features.
    private sealed class FeatureRow
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }

    private sealed class TrainingRow
    {
        public float Label { get; set; }
        public uint Group { get; set; }

        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
