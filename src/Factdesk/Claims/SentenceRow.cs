using Microsoft.ML.Data;

namespace Factdesk.Claims;

/// <summary>The input schema of the check-worthiness models: normalised text, hand features and the label.</summary>
public sealed class SentenceRow
{
    public string Text { get; set; } = "";

    [VectorType(SentenceFeatures.Count)]
    public float[] Hand { get; set; } = new float[SentenceFeatures.Count];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;

    public static SentenceRow From(string text, bool label = false)
    {
        var normalised = SentenceFeatures.Normalise(text);
        return new SentenceRow { Text = normalised, Hand = SentenceFeatures.Compute(normalised), Label = label };
    }
}
