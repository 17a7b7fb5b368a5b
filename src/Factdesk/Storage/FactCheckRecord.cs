namespace Factdesk.Storage;

/// <summary>
/// One published fact-check as the store keeps it. <see cref="SourceKey"/> says where it came from (a publisher and
/// URL, or a data set and its id) and is what makes importing the same file twice add nothing. Unknown fields are
/// null, never guessed. <see cref="Verdict"/> is the label exactly as the publisher wrote it. Dates are kept as
/// ISO 8601 text (yyyy-MM-dd) when they could be read, else as written. <see cref="Summary"/> is plain text (the
/// review's conclusion in a sentence or two); <see cref="Analysis"/> is Markdown written by the fact-checkers, which the
/// published site renders and sanitizes, so neither is trusted as HTML.
/// </summary>
public sealed record FactCheckRecord(
    string SourceKey,
    string Claim,
    string? Title = null,
    string? Claimant = null,
    string? ClaimantTitle = null,
    string? ClaimDate = null,
    string? Verdict = null,
    double? RatingValue = null,
    double? BestRating = null,
    double? WorstRating = null,
    string? Url = null,
    string? Publisher = null,
    string? Language = null,
    string? ReviewDate = null,
    string? ClaimReviewJson = null,
    float[]? Embedding = null,
    float[]? TitleEmbedding = null,
    string? Summary = null,
    string? Analysis = null)
{
    /// <summary>The same record without its vectors: what two copies of one fact-check must agree on.</summary>
    public FactCheckRecord WithoutVectors() => this with { Embedding = null, TitleEmbedding = null };
}

/// <summary>A stored fact-check with the id and import time the store gave it.</summary>
public sealed record StoredFactCheck(long Id, FactCheckRecord FactCheck, DateTimeOffset ImportedAt);

/// <summary>The vectors of one stored fact-check and the texts they were made from, for an exact nearest-neighbour scan.</summary>
public sealed record FactCheckVectors(long Id, string Claim, string? Title, float[] Embedding, float[]? TitleEmbedding);
