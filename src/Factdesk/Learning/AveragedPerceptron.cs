namespace Factdesk.Learning;

/// <summary>
/// A multi-class perceptron over hashed sparse features, trained online, whose averaged weights
/// (<see cref="Average"/>) make the model. Averaging uses the usual time-stamp trick, so an update costs
/// the number of features it touches and not the size of the model.
/// </summary>
public sealed class AveragedPerceptron(int classes) : ILinearScorer
{
    private readonly Dictionary<ulong, int> _rows = [];
    private float[] _weights = new float[1024 * classes];
    private double[] _totals = new double[1024 * classes];
    private int[] _stamps = new int[1024 * classes];
    private int _updates;

    public int Classes => classes;

    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) continue;
            var w = _weights.AsSpan(row * classes, classes);
            for (var c = 0; c < classes; c++) scores[c] += w[c];
        }
    }

    /// <summary>One mistake: rewards the gold class and penalises the predicted one on every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int predicted)
    {
        _updates++;
        if (gold == predicted) return;
        foreach (var f in features)
        {
            var row = RowOf(f);
            Nudge(row * classes + gold, 1);
            Nudge(row * classes + predicted, -1);
        }
    }

    /// <summary>Counts one step of time without a mistake, so averages weigh every decision.</summary>
    public void Tick() => _updates++;

    /// <summary>The averaged weights, dropping those smaller than <paramref name="minWeight"/> in magnitude.</summary>
    public PerceptronWeights Average(float minWeight)
    {
        var features = new List<(ulong, byte[], float[])>();
        var divisor = Math.Max(_updates, 1);
        var cls = new List<byte>();
        var ws = new List<float>();
        foreach (var (feature, row) in _rows)
        {
            cls.Clear();
            ws.Clear();
            for (var c = 0; c < classes; c++)
            {
                var i = row * classes + c;
                var total = _totals[i] + (double)(_updates - _stamps[i]) * _weights[i];
                var average = (float)(total / divisor);
                if (Math.Abs(average) < minWeight) continue;
                cls.Add((byte)c);
                ws.Add(average);
            }
            if (cls.Count > 0) features.Add((feature, cls.ToArray(), ws.ToArray()));
        }
        return new PerceptronWeights(classes, features);
    }

    private void Nudge(int i, float delta)
    {
        _totals[i] += (double)(_updates - _stamps[i]) * _weights[i];
        _stamps[i] = _updates;
        _weights[i] += delta;
    }

    private int RowOf(ulong feature)
    {
        if (_rows.TryGetValue(feature, out var row)) return row;
        row = _rows.Count;
        _rows[feature] = row;
        if ((row + 1) * classes > _weights.Length)
        {
            var size = _weights.Length * 2;
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }
        return row;
    }
}
