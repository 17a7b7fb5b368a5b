namespace Factdesk.Matching;

/// <summary>A fact-checked claim as the matcher sees it: an id, the claim, and the title of its fact-check if any.</summary>
public sealed record FactCheckEntry(string Id, string Claim, string? Title = null);

/// <summary>One earlier fact-check found for a query, with the evidence of each retriever.</summary>
public sealed record FactCheckHit(FactCheckEntry Entry, double Score, double ClaimCosine, double TitleCosine, double Bm25);
