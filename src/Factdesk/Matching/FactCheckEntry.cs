namespace Factdesk.Matching;

/// <summary>A fact-checked claim as the matcher sees it: an id, the claim, and the title of its fact-check if any.</summary>
public sealed record FactCheckEntry(string Id, string Claim, string? Title = null);

/// <summary>
/// One earlier fact-check found for a query, with the evidence of each retriever; <paramref name="Rerank"/> is the
/// learned reranker's score when a store search reordered its hits by it (<see cref="FactCheckSearch.Reranker"/>).
/// </summary>
public sealed record FactCheckHit(FactCheckEntry Entry, double Score, double ClaimCosine, double TitleCosine, double Bm25, double? Rerank = null);
