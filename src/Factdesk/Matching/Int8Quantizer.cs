using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Factdesk.Matching;

/// <summary>
/// Dynamic int8 quantization of an ONNX transformer, done in .NET at load time: every MatMul whose weight is a 2-D
/// float initializer becomes ONNX Runtime's com.microsoft DynamicQuantizeMatMul with int8 weights, one symmetric
/// scale per output column (zero point 0). Activations are quantized per batch by the runtime. The embedding table
/// and everything else stay float32, which is where most of the accuracy lives and little of the time.
/// </summary>
public static class Int8Quantizer
{
    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>The quantized model's bytes, and how many MatMuls were rewritten.</summary>
    public static (byte[] Model, int Rewritten) Quantize(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var quantized = new Dictionary<string, (string Weights, string Scales, string Zeros)>(StringComparer.Ordinal);
        var rewritten = 0;
        for (var n = 0; n < graph.Node.Count; n++)
        {
            var node = graph.Node[n];
            if (node.OpType != "MatMul" || node.Domain.Length != 0 || node.Input.Count != 2) continue;
            if (!initializers.TryGetValue(node.Input[1], out var weight) || weight.Dims.Count != 2 || weight.DataType != (int)TensorProto.Types.DataType.Float) continue;
            if (!quantized.TryGetValue(weight.Name, out var names))
            {
                var (q, scales, zeros) = QuantizeColumns(weight);
                graph.Initializer.Add(q);
                graph.Initializer.Add(scales);
                graph.Initializer.Add(zeros);
                quantized[weight.Name] = names = (q.Name, scales.Name, zeros.Name);
            }
            var replacement = new NodeProto { Name = node.Name + "_int8", OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain };
            replacement.Input.Add(node.Input[0]);
            replacement.Input.Add(names.Weights);
            replacement.Input.Add(names.Scales);
            replacement.Input.Add(names.Zeros);
            replacement.Output.Add(node.Output);
            graph.Node[n] = replacement;
            rewritten++;
        }

        // The float weights no longer feed anything; dropping them is what makes the file smaller.
        var used = new HashSet<string>(graph.Node.SelectMany(x => x.Input), StringComparer.Ordinal);
        foreach (var name in quantized.Keys.Where(k => !used.Contains(k)).ToList())
        {
            graph.Initializer.Remove(initializers[name]);
            if (graph.Input.FirstOrDefault(i => i.Name == name) is { } input) graph.Input.Remove(input);
        }
        if (rewritten > 0 && !model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        return (model.ToByteArray(), rewritten);
    }

    /// <summary>Weights [K, N] to int8 with one scale per column n: max |w[., n]| maps to 127.</summary>
    internal static (TensorProto Weights, TensorProto Scales, TensorProto Zeros) QuantizeColumns(TensorProto weight)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var values = weight.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray() : weight.FloatData.ToArray();
        if (values.Length != rows * columns) throw new InvalidDataException($"weight {weight.Name} holds {values.Length} values, not {rows}×{columns}");
        var scales = new float[columns];
        for (var k = 0; k < rows; k++)
            for (var c = 0; c < columns; c++)
                scales[c] = Math.Max(scales[c], Math.Abs(values[k * columns + c]));
        for (var c = 0; c < columns; c++) scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        var q = new sbyte[values.Length];
        for (var k = 0; k < rows; k++)
            for (var c = 0; c < columns; c++)
                q[k * columns + c] = (sbyte)Math.Clamp(MathF.Round(values[k * columns + c] / scales[c]), -127, 127);

        var weights = new TensorProto { Name = weight.Name + "_int8", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(q.AsSpan())) };
        weights.Dims.Add(rows);
        weights.Dims.Add(columns);
        var scaleTensor = new TensorProto { Name = weight.Name + "_scale", DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(scales.AsSpan())) };
        scaleTensor.Dims.Add(columns);
        var zeros = new TensorProto { Name = weight.Name + "_zero", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(new byte[columns]) };
        zeros.Dims.Add(columns);
        return (weights, scaleTensor, zeros);
    }
}
