namespace Factdesk.Learning;

/// <summary>
/// Trained perceptron weights in the compact form a model ships in: per feature only its non-zero classes.
/// Saved as float16, which keeps a model small and changes no decision that matters in practice.
/// </summary>
public sealed class PerceptronWeights : ILinearScorer
{
    private readonly Dictionary<ulong, (int Offset, int Count)> _index;
    private readonly byte[] _classes;
    private readonly float[] _weights;

    public PerceptronWeights(int classes, IReadOnlyCollection<(ulong Feature, byte[] Classes, float[] Weights)> features)
    {
        Classes = classes;
        _index = new Dictionary<ulong, (int, int)>(features.Count);
        var total = features.Sum(f => f.Classes.Length);
        _classes = new byte[total];
        _weights = new float[total];
        var offset = 0;
        foreach (var (feature, cls, ws) in features)
        {
            _index[feature] = (offset, cls.Length);
            cls.CopyTo(_classes, offset);
            ws.CopyTo(_weights, offset);
            offset += cls.Length;
        }
    }

    public int Classes { get; }

    public int FeatureCount => _index.Count;

    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (!_index.TryGetValue(f, out var entry)) continue;
            for (var k = entry.Offset; k < entry.Offset + entry.Count; k++)
                scores[_classes[k]] += _weights[k];
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(_index.Count);
        foreach (var (feature, (offset, count)) in _index)
        {
            writer.Write(feature);
            writer.Write((byte)count);
            for (var k = offset; k < offset + count; k++)
            {
                writer.Write(_classes[k]);
                writer.Write((Half)_weights[k]);
            }
        }
    }

    public static PerceptronWeights Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (classes is < 1 or > 255 || count < 0) throw new InvalidDataException("not perceptron weights");
        var features = new List<(ulong, byte[], float[])>(count);
        for (var i = 0; i < count; i++)
        {
            var feature = reader.ReadUInt64();
            var n = reader.ReadByte();
            var cls = new byte[n];
            var ws = new float[n];
            for (var k = 0; k < n; k++)
            {
                cls[k] = reader.ReadByte();
                ws[k] = (float)reader.ReadHalf();
            }
            features.Add((feature, cls, ws));
        }
        return new PerceptronWeights(classes, features);
    }
}
