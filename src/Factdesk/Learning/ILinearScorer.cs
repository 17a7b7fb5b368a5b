namespace Factdesk.Learning;

/// <summary>Anything that scores classes as a sum of per-feature weights: a model in training or a trained one.</summary>
public interface ILinearScorer
{
    int Classes { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one slot per class).</summary>
    void AddScores(ReadOnlySpan<ulong> features, Span<float> scores);
}
