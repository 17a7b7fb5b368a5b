using System.Globalization;
using Factdesk.Matching;
using Npgsql;
using NpgsqlTypes;

namespace Factdesk.Storage;

/// <summary>
/// The fact-check store in a PostgreSQL database, beside the articles (see <see cref="PostgresArticleStore"/>). Vectors
/// are the same float32 bytes as in SQLite; the HNSW graph and BM25 postings built from them are saved in the
/// <c>search_indexes</c> table instead of files, and full-text search runs on a GIN-indexed <c>tsvector</c>.
/// </summary>
public sealed class PostgresFactCheckStore : IFactCheckStore
{
    private const string Columns = StoredRows.FactCheckColumns;

    private const string VectorColumns = StoredRows.VectorColumns;

    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _clock;

    private PostgresFactCheckStore(NpgsqlConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Connects to the database <paramref name="connectionString"/> names and brings its schema up to date.</summary>
    public static PostgresFactCheckStore Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    public IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> sourceKeys)
    {
        using var command = Command(null, "SELECT source_key FROM fact_checks WHERE source_key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", sourceKeys.ToArray());
        using var row = command.ExecuteReader();
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (row.Read())
            found.Add(row.GetString(0));
        return found;
    }

    public int AddAll(IReadOnlyList<FactCheckRecord> records)
    {
        foreach (var record in records)
        {
            if (record.Embedding is not { Length: SentenceEncoder.Dimensions })
                throw new ArgumentException($"{record.SourceKey}: a fact-check needs its {SentenceEncoder.Dimensions}-dimensional claim embedding", nameof(records));
        }
        if (records.Count == 0) return 0;
        using var transaction = _connection.BeginTransaction();
        PostgresDatabase.LockImports(_connection, transaction);
        // One statement for the whole batch: the rows go as arrays, in the order given, so ids rise in that order. A key
        // already stored (or repeated in the batch) is skipped by the unique index, which is what makes a redelivered
        // batch from an at-least-once queue write nothing.
        using var insert = Command(transaction, """
            INSERT INTO fact_checks (source_key, claim, title, claimant, claimant_title, claim_date, verdict, rating_value, best_rating,
                worst_rating, url, publisher, language, review_date, claim_review, embedding, title_embedding, imported_at, summary, analysis, terms)
            SELECT r.key, r.claim, r.title, r.claimant, r.claimant_title, r.claim_date, r.verdict, r.rating_value, r.best_rating,
                r.worst_rating, r.url, r.publisher, r.language, r.review_date, r.claim_review, r.embedding, r.title_embedding, @importedAt,
                r.summary, r.analysis, r.terms
            FROM unnest(@key, @claim, @title, @claimant, @claimantTitle, @claimDate, @verdict, @value, @best, @worst, @url, @publisher,
                @language, @reviewDate, @json, @embedding, @titleEmbedding, @summary, @analysis, @terms)
                WITH ORDINALITY AS r(key, claim, title, claimant, claimant_title, claim_date, verdict, rating_value, best_rating, worst_rating,
                url, publisher, language, review_date, claim_review, embedding, title_embedding, summary, analysis, terms, n)
            ORDER BY r.n
            ON CONFLICT (source_key) DO NOTHING
            """);
        Texts(insert, "key", records, r => r.SourceKey);
        Texts(insert, "claim", records, r => r.Claim);
        Texts(insert, "title", records, r => r.Title);
        Texts(insert, "claimant", records, r => r.Claimant);
        Texts(insert, "claimantTitle", records, r => r.ClaimantTitle);
        Texts(insert, "claimDate", records, r => r.ClaimDate);
        Texts(insert, "verdict", records, r => r.Verdict);
        Numbers(insert, "value", records, r => r.RatingValue);
        Numbers(insert, "best", records, r => r.BestRating);
        Numbers(insert, "worst", records, r => r.WorstRating);
        Texts(insert, "url", records, r => r.Url);
        Texts(insert, "publisher", records, r => r.Publisher);
        Texts(insert, "language", records, r => r.Language);
        Texts(insert, "reviewDate", records, r => r.ReviewDate);
        Texts(insert, "json", records, r => r.ClaimReviewJson);
        Blobs(insert, "embedding", records, r => r.Embedding);
        Blobs(insert, "titleEmbedding", records, r => r.TitleEmbedding);
        Texts(insert, "summary", records, r => r.Summary);
        Texts(insert, "analysis", records, r => r.Analysis);
        Texts(insert, "terms", records, IndexedTerms);
        insert.Parameters.AddWithValue("importedAt", NpgsqlDbType.TimestampTz, _clock.GetUtcNow().UtcDateTime);
        var added = insert.ExecuteNonQuery();
        transaction.Commit();
        return added;
    }

    public int UpdateWriting(IReadOnlyList<FactCheckRecord> records)
    {
        using var transaction = _connection.BeginTransaction();
        using var update = Command(transaction, """
            UPDATE fact_checks SET summary = coalesce(@summary, summary), analysis = coalesce(@analysis, analysis)
            WHERE source_key = @key AND (summary IS DISTINCT FROM coalesce(@summary, summary) OR analysis IS DISTINCT FROM coalesce(@analysis, analysis))
            """);
        var key = update.Parameters.Add("key", NpgsqlDbType.Text);
        var summary = update.Parameters.Add("summary", NpgsqlDbType.Text);
        var analysis = update.Parameters.Add("analysis", NpgsqlDbType.Text);
        var changed = 0;
        foreach (var r in records.Where(r => r.Summary is not null || r.Analysis is not null))
        {
            key.Value = r.SourceKey;
            summary.Value = (object?)r.Summary ?? DBNull.Value;
            analysis.Value = (object?)r.Analysis ?? DBNull.Value;
            changed += update.ExecuteNonQuery();
        }
        transaction.Commit();
        return changed;
    }

    public StoredFactCheck? Get(long id)
    {
        using var command = Command(null, $"SELECT {Columns} FROM fact_checks WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    public IEnumerable<StoredFactCheck> All() => Pages($"SELECT {Columns} FROM fact_checks WHERE id > @after ORDER BY id LIMIT {Page}", 0, Read, f => f.Id);

    public IEnumerable<FactCheckVectors> VectorsAfter(long afterId) =>
        Pages($"SELECT {VectorColumns} FROM fact_checks WHERE id > @after ORDER BY id LIMIT {Page}", afterId, ReadVectors, v => v.Id);

    public IReadOnlyList<FactCheckVectors> VectorsOf(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        using var command = Command(null, $"SELECT {VectorColumns} FROM fact_checks WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        using var row = command.ExecuteReader();
        var vectors = new List<FactCheckVectors>(ids.Count);
        while (row.Read())
            vectors.Add(ReadVectors(row));
        return vectors;
    }

    public Stream? ReadIndex(string name)
    {
        using var command = Command(null, "SELECT data FROM search_indexes WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() is byte[] data ? new MemoryStream(data, writable: false) : null;
    }

    public void SaveIndex(string name, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        try
        {
            using var command = Command(null, """
                INSERT INTO search_indexes (name, data, saved_at) VALUES (@name, @data, now())
                ON CONFLICT (name) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at
                """);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("data", NpgsqlDbType.Bytea, new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
            command.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
            // Too big for one bytea (1 GB, about 900k fact-checks) or refused: the index is built again next time.
        }
    }

    public IReadOnlyList<(long Id, double Score)> SearchText(IReadOnlyList<string> terms, int top)
    {
        if (terms.Count == 0 || top <= 0) return [];
        // Each term is turned into lexemes by the same 'simple' parser as the stored terms and the lexemes are OR-ed as
        // quoted tsquery operands, so whatever a user typed is words to look up, never tsquery syntax. ts_rank with
        // normalisation 1 divides by the log of the document's length, a little like BM25's length term.
        using var command = Command(null, """
            WITH q AS (
                SELECT string_agg(DISTINCT '''' || replace(replace(v.lexeme, '\', '\\'), '''', '''''') || '''', ' | ')::tsquery AS query
                FROM unnest(@terms::text[]) AS t(term), unnest(to_tsvector('simple', t.term)) AS v
            )
            SELECT f.id, ts_rank(f.terms_tsv, q.query, 1) AS score
            FROM fact_checks f, q
            WHERE f.terms_tsv @@ q.query
            ORDER BY score DESC, f.id
            LIMIT @top
            """);
        command.Parameters.AddWithValue("terms", terms.ToArray());
        command.Parameters.AddWithValue("top", top);
        using var row = command.ExecuteReader();
        var hits = new List<(long, double)>();
        while (row.Read())
            hits.Add((row.GetInt64(0), row.GetFloat(1)));
        return hits;
    }

    public int Count()
    {
        using var command = Command(null, "SELECT count(*) FROM fact_checks");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    // Rows read per query while enumerating: a connection runs one command at a time, and callers store while they read.
    private const int Page = 1000;

    private IEnumerable<T> Pages<T>(string sql, long after, Func<NpgsqlDataReader, T> read, Func<T, long> idOf)
    {
        while (true)
        {
            var page = new List<T>(Page);
            using (var command = Command(null, sql))
            {
                command.Parameters.AddWithValue("after", after);
                using var row = command.ExecuteReader();
                while (row.Read())
                    page.Add(read(row));
            }
            foreach (var item in page)
                yield return item;
            if (page.Count < Page) yield break;
            after = idOf(page[^1]);
        }
    }

    private static string IndexedTerms(FactCheckRecord record) => SqliteFactCheckStore.IndexedTerms(record);

    private static void Texts(NpgsqlCommand command, string name, IReadOnlyList<FactCheckRecord> records, Func<FactCheckRecord, string?> field) =>
        command.Parameters.AddWithValue(name, NpgsqlDbType.Array | NpgsqlDbType.Text, records.Select(field).ToArray());

    private static void Numbers(NpgsqlCommand command, string name, IReadOnlyList<FactCheckRecord> records, Func<FactCheckRecord, double?> field) =>
        command.Parameters.AddWithValue(name, NpgsqlDbType.Array | NpgsqlDbType.Double, records.Select(field).ToArray());

    private static void Blobs(NpgsqlCommand command, string name, IReadOnlyList<FactCheckRecord> records, Func<FactCheckRecord, float[]?> field) =>
        command.Parameters.AddWithValue(name, NpgsqlDbType.Array | NpgsqlDbType.Bytea, records.Select(r => field(r) is { } v ? Bytes(v) : null).ToArray());

    private static FactCheckVectors ReadVectors(NpgsqlDataReader row) => StoredRows.Vectors(row);

    private static StoredFactCheck Read(NpgsqlDataReader row) =>
        StoredRows.FactCheck(row, new DateTimeOffset(row.GetDateTime(StoredRows.FactCheckTime), TimeSpan.Zero));

    private static byte[] Bytes(float[] vector) => StoredRows.Bytes(vector);

    private NpgsqlCommand Command(NpgsqlTransaction? transaction, string sql) => PostgresDatabase.Command(_connection, transaction, sql);
}
