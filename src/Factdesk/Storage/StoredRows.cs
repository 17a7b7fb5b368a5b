using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Factdesk.Storage;

/// <summary>
/// Reading the stores' rows, the same for SQLite and PostgreSQL: both select the same columns in the same order and
/// keep vectors as the same bytes. Only the store's timestamps differ (ISO text in SQLite, timestamptz in PostgreSQL),
/// so each store reads its own and passes it in.
/// </summary>
internal static class StoredRows
{
    /// <summary>The article columns, <c>a</c> the articles and <c>d</c> the dossiers; the 14th is the ingest time.</summary>
    public const string ArticleColumns =
        "a.id, a.url, a.canonical_url, a.path, a.title, a.site, a.published, a.language, a.authors, a.text, a.content_hash, a.simhash, " +
        "a.duplicate_of, a.ingested_at, d.json";

    public const int ArticleTime = 13;

    /// <summary>The fact-check columns; the 19th is the import time.</summary>
    public const string FactCheckColumns =
        "id, source_key, claim, title, claimant, claimant_title, claim_date, verdict, rating_value, best_rating, worst_rating, " +
        "url, publisher, language, review_date, claim_review, embedding, title_embedding, imported_at, summary, analysis";

    public const int FactCheckTime = 18;

    public const string VectorColumns = "id, claim, title, embedding, title_embedding";

    public static StoredArticle Article(DbDataReader row, DateTimeOffset ingestedAt)
    {
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        var article = new ArticleRecord(
            Text: row.GetString(9),
            ContentHash: row.GetString(10),
            SimHash: unchecked((ulong)row.GetInt64(11)),
            DossierJson: row.GetString(14),
            Url: Text(1),
            CanonicalUrl: Text(2),
            Path: Text(3),
            Title: Text(4),
            Site: Text(5),
            Published: Text(6) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
            Language: Text(7),
            Authors: JsonSerializer.Deserialize<string[]>(row.GetString(8)) ?? [],
            DuplicateOf: row.IsDBNull(12) ? null : row.GetInt64(12));
        return new StoredArticle(row.GetInt64(0), article, ingestedAt);
    }

    public static StoredFactCheck FactCheck(DbDataReader row, DateTimeOffset importedAt)
    {
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        double? Number(int i) => row.IsDBNull(i) ? null : row.GetDouble(i);
        var record = new FactCheckRecord(
            SourceKey: row.GetString(1),
            Claim: row.GetString(2),
            Title: Text(3),
            Claimant: Text(4),
            ClaimantTitle: Text(5),
            ClaimDate: Text(6),
            Verdict: Text(7),
            RatingValue: Number(8),
            BestRating: Number(9),
            WorstRating: Number(10),
            Url: Text(11),
            Publisher: Text(12),
            Language: Text(13),
            ReviewDate: Text(14),
            ClaimReviewJson: Text(15),
            Embedding: Floats((byte[])row[16]),
            TitleEmbedding: row.IsDBNull(17) ? null : Floats((byte[])row[17]),
            Summary: Text(19),
            Analysis: Text(20));
        return new StoredFactCheck(row.GetInt64(0), record, importedAt);
    }

    public static FactCheckVectors Vectors(DbDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2),
            Floats((byte[])row[3]), row.IsDBNull(4) ? null : Floats((byte[])row[4]));

    // Little-endian float32 on every platform .NET runs Factdesk on; the bytes are the vector's memory.
    public static byte[] Bytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] Floats(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
