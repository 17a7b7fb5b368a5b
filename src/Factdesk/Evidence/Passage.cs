using Factdesk.Documents;

namespace Factdesk.Evidence;

/// <summary>The stored article a passage comes from, as a reader would cite it.</summary>
public sealed record PassageSource(long ArticleId, string? Title, string? Site, DateTimeOffset? Published, string? Url);

/// <summary>
/// One sentence of a stored article. <see cref="Quote"/> is the quoted words the sentence holds (null when it quotes
/// no one) and <see cref="Speaker"/> who said them; <see cref="Entities"/> are the canonical names it mentions.
/// </summary>
public sealed record Passage(PassageSource Source, string Text, string? Quote, Speaker? Speaker, IReadOnlyList<string> Entities);

/// <summary>A passage found for a claim: its BM25 score and its stance toward the claim.</summary>
public sealed record EvidenceHit(Passage Passage, double Score, Stance Stance);
