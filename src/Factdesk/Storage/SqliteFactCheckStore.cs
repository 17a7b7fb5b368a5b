using System.Globalization;
using System.Runtime.InteropServices;
using Factdesk.Matching;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>The fact-check store in the same SQLite file as the articles (see <see cref="SqliteArticleStore"/>).</summary>
public sealed class SqliteFactCheckStore : IFactCheckStore
{
    private const string Columns =
        "id, source_key, claim, title, claimant, claimant_title, claim_date, verdict, rating_value, best_rating, worst_rating, " +
        "url, publisher, language, review_date, claim_review, embedding, title_embedding, imported_at, summary, analysis";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly string _path;

    private SqliteFactCheckStore(SqliteConnection connection, TimeProvider clock, string path)
    {
        _connection = connection;
        _clock = clock;
        _path = path;
    }

    public static SqliteFactCheckStore Open(string path, TimeProvider? clock = null) =>
        new(SqliteDatabase.Open(path), clock ?? TimeProvider.System, Path.GetFullPath(path));

    public IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> sourceKeys)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(null, "SELECT 1 FROM fact_checks WHERE source_key = $key");
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var k in sourceKeys)
        {
            key.Value = k;
            if (command.ExecuteScalar() is not null) found.Add(k);
        }
        return found;
    }

    public int AddAll(IReadOnlyList<FactCheckRecord> records)
    {
        foreach (var record in records)
        {
            if (record.Embedding is not { Length: SentenceEncoder.Dimensions })
                throw new ArgumentException($"{record.SourceKey}: a fact-check needs its {SentenceEncoder.Dimensions}-dimensional claim embedding", nameof(records));
        }
        var importedAt = _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        using var transaction = _connection.BeginTransaction();
        using var insert = Command(transaction, """
            INSERT INTO fact_checks (source_key, claim, title, claimant, claimant_title, claim_date, verdict, rating_value, best_rating,
                worst_rating, url, publisher, language, review_date, claim_review, embedding, title_embedding, imported_at, summary, analysis)
            VALUES ($key, $claim, $title, $claimant, $claimantTitle, $claimDate, $verdict, $value, $best, $worst, $url, $publisher,
                $language, $reviewDate, $json, $embedding, $titleEmbedding, $importedAt, $summary, $analysis)
            ON CONFLICT (source_key) DO NOTHING
            RETURNING id
            """);
        using var index = Command(transaction, "INSERT INTO fact_checks_fts (rowid, terms) VALUES ($id, $terms)");
        var added = 0;
        foreach (var r in records)
        {
            insert.Parameters.Clear();
            insert.Bind("$key", r.SourceKey);
            insert.Bind("$claim", r.Claim);
            insert.Bind("$title", r.Title);
            insert.Bind("$claimant", r.Claimant);
            insert.Bind("$claimantTitle", r.ClaimantTitle);
            insert.Bind("$claimDate", r.ClaimDate);
            insert.Bind("$verdict", r.Verdict);
            insert.Bind("$value", r.RatingValue);
            insert.Bind("$best", r.BestRating);
            insert.Bind("$worst", r.WorstRating);
            insert.Bind("$url", r.Url);
            insert.Bind("$publisher", r.Publisher);
            insert.Bind("$language", r.Language);
            insert.Bind("$reviewDate", r.ReviewDate);
            insert.Bind("$json", r.ClaimReviewJson);
            insert.Bind("$embedding", Bytes(r.Embedding!));
            insert.Bind("$titleEmbedding", r.TitleEmbedding is { } t ? Bytes(t) : null);
            insert.Bind("$importedAt", importedAt);
            insert.Bind("$summary", r.Summary);
            insert.Bind("$analysis", r.Analysis);
            if (insert.ExecuteScalar() is not long id) continue;
            index.Parameters.Clear();
            index.Bind("$id", id);
            index.Bind("$terms", IndexedTerms(r));
            index.ExecuteNonQuery();
            added++;
        }
        transaction.Commit();
        return added;
    }

    public int UpdateWriting(IReadOnlyList<FactCheckRecord> records)
    {
        using var transaction = _connection.BeginTransaction();
        using var update = Command(transaction, """
            UPDATE fact_checks SET summary = coalesce($summary, summary), analysis = coalesce($analysis, analysis)
            WHERE source_key = $key AND (summary IS NOT coalesce($summary, summary) OR analysis IS NOT coalesce($analysis, analysis))
            """);
        var changed = 0;
        foreach (var r in records.Where(r => r.Summary is not null || r.Analysis is not null))
        {
            update.Parameters.Clear();
            update.Bind("$key", r.SourceKey);
            update.Bind("$summary", r.Summary);
            update.Bind("$analysis", r.Analysis);
            changed += update.ExecuteNonQuery();
        }
        transaction.Commit();
        return changed;
    }

    public StoredFactCheck? Get(long id)
    {
        using var command = Command(null, $"SELECT {Columns} FROM fact_checks WHERE id = $id");
        command.Bind("$id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    public IEnumerable<StoredFactCheck> All()
    {
        using var command = Command(null, $"SELECT {Columns} FROM fact_checks ORDER BY id");
        using var row = command.ExecuteReader();
        while (row.Read())
            yield return Read(row);
    }

    public IEnumerable<FactCheckVectors> VectorsAfter(long afterId)
    {
        using var command = Command(null, "SELECT id, claim, title, embedding, title_embedding FROM fact_checks WHERE id > $after ORDER BY id");
        command.Bind("$after", afterId);
        using var row = command.ExecuteReader();
        while (row.Read())
            yield return ReadVectors(row);
    }

    public IReadOnlyList<FactCheckVectors> VectorsOf(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        // Ids are numbers, so writing them into the statement is safe; a few hundred fit SQLite's limits easily.
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        using var command = Command(null, $"SELECT id, claim, title, embedding, title_embedding FROM fact_checks WHERE id IN ({list})");
        using var row = command.ExecuteReader();
        var vectors = new List<FactCheckVectors>(ids.Count);
        while (row.Read())
            vectors.Add(ReadVectors(row));
        return vectors;
    }

    public string SidecarPath(string extension) => _path + extension;

    public IReadOnlyList<(long Id, double Score)> SearchText(IReadOnlyList<string> terms, int top)
    {
        if (terms.Count == 0 || top <= 0) return [];
        // Every term quoted: whatever a user typed is a phrase to look up, never FTS5 query syntax.
        var match = string.Join(" OR ", terms.Distinct(StringComparer.Ordinal).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        // FTS5's bm25() is lower for better matches (it is negated so that ascending order ranks).
        using var command = Command(null, "SELECT rowid, -bm25(fact_checks_fts) AS score FROM fact_checks_fts WHERE fact_checks_fts MATCH $match ORDER BY score DESC LIMIT $top");
        command.Bind("$match", match);
        command.Bind("$top", top);
        using var row = command.ExecuteReader();
        var hits = new List<(long, double)>();
        while (row.Read())
            hits.Add((row.GetInt64(0), row.GetDouble(1)));
        return hits;
    }

    public int Count()
    {
        using var command = Command(null, "SELECT count(*) FROM fact_checks");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    internal static string IndexedTerms(FactCheckRecord record) =>
        string.Join(' ', SearchTerms.Of(record.Title is null ? record.Claim : record.Claim + " " + record.Title));

    private static FactCheckVectors ReadVectors(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2),
            Floats((byte[])row[3]), row.IsDBNull(4) ? null : Floats((byte[])row[4]));

    private static StoredFactCheck Read(SqliteDataReader row)
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
        return new StoredFactCheck(row.GetInt64(0), record, DateTimeOffset.Parse(row.GetString(18), CultureInfo.InvariantCulture));
    }

    // Little-endian float32 on every platform .NET runs Factdesk on; the bytes are the vector's memory.
    private static byte[] Bytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    private static float[] Floats(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    private SqliteCommand Command(SqliteTransaction? transaction, string sql) => SqliteDatabase.Command(_connection, transaction, sql);
}
