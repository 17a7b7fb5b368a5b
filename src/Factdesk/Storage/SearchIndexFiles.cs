namespace Factdesk.Storage;

/// <summary>
/// The files a fact-check store's search indexes are kept in beside its database (DB.hnsw, DB.bm25). They are
/// derived from the database: whatever replaces the database drops them, and the next search builds them again.
/// </summary>
public static class SearchIndexFiles
{
    public const string Vectors = ".hnsw";
    public const string Terms = ".bm25";

    public static readonly string[] Extensions = [Vectors, Terms];
}
