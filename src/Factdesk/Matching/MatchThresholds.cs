namespace Factdesk.Matching;

public enum MatchLevel
{
    /// <summary>Worth a look: often the same claim, but a person must check.</summary>
    Suggest,

    /// <summary>Almost always the same claim.</summary>
    Confident,
}

/// <summary>
/// Where a hybrid score becomes a suggestion and where a confident match. The defaults were measured on the
/// CheckThat! 2020 dev queries against the 2020 collection in a store (see docs/BENCHMARKS.md).
/// </summary>
public sealed record MatchThresholds(double SuggestAbove, double ConfidentAbove)
{
    public static readonly MatchThresholds Default = new(0.55, 0.75);

    /// <summary>The level of a hit with this score, or null when it is below the suggestion threshold.</summary>
    public MatchLevel? LevelOf(double score) =>
        score >= ConfidentAbove ? MatchLevel.Confident : score >= SuggestAbove ? MatchLevel.Suggest : null;
}
