using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Factdesk.Storage;

/// <summary>The article store in a PostgreSQL database (see <see cref="PostgresDatabase"/> for what <c>--db</c> may be).</summary>
public sealed class PostgresArticleStore : IArticleStore
{
    private const string Columns = StoredRows.ArticleColumns;

    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _clock;

    private PostgresArticleStore(NpgsqlConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Connects to the database <paramref name="connectionString"/> names and brings its schema up to date.</summary>
    public static PostgresArticleStore Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    public AddResult Add(ArticleRecord article)
    {
        using var transaction = _connection.BeginTransaction();
        if (FindExisting(article.CanonicalUrl, article.ContentHash, transaction) is { } existing)
            return new AddResult(existing, Added: false);
        // Another writer may store the same article between the check and the insert: the unique indexes then make
        // this insert a no-op (it waits for that writer's commit), and the article it stored is the answer.
        using var insert = Command(transaction, """
            INSERT INTO articles (url, canonical_url, path, title, site, published, language, authors, text, content_hash, simhash, duplicate_of, ingested_at)
            VALUES (@url, @canonical, @path, @title, @site, @published, @language, @authors, @text, @hash, @simhash, @duplicateOf, @ingestedAt)
            ON CONFLICT DO NOTHING
            RETURNING id
            """);
        Bind(insert, "url", article.Url);
        Bind(insert, "canonical", article.CanonicalUrl);
        Bind(insert, "path", article.Path);
        Bind(insert, "title", article.Title);
        Bind(insert, "site", article.Site);
        Bind(insert, "published", article.Published?.ToString("o", CultureInfo.InvariantCulture));
        Bind(insert, "language", article.Language);
        Bind(insert, "authors", JsonSerializer.Serialize(article.Authors ?? []));
        Bind(insert, "text", article.Text);
        Bind(insert, "hash", article.ContentHash);
        Bind(insert, "simhash", unchecked((long)article.SimHash));
        Bind(insert, "duplicateOf", article.DuplicateOf);
        Bind(insert, "ingestedAt", _clock.GetUtcNow().UtcDateTime);
        if (insert.ExecuteScalar() is not long id)
        {
            var stored = FindExisting(article.CanonicalUrl, article.ContentHash, transaction)
                ?? throw new InvalidOperationException("an article conflicted with one that is not there");
            return new AddResult(stored, Added: false);
        }
        using var dossier = Command(transaction, "INSERT INTO dossiers (article_id, json) VALUES (@id, @json)");
        Bind(dossier, "id", id);
        Bind(dossier, "json", article.DossierJson);
        dossier.ExecuteNonQuery();
        transaction.Commit();
        return new AddResult(id, Added: true);
    }

    public long? FindExisting(string? canonicalUrl, string contentHash) => FindExisting(canonicalUrl, contentHash, null);

    private long? FindExisting(string? canonicalUrl, string contentHash, NpgsqlTransaction? transaction)
    {
        using var command = Command(transaction,
            "SELECT id FROM articles WHERE content_hash = @hash OR (@canonical::text IS NOT NULL AND canonical_url = @canonical) ORDER BY id LIMIT 1");
        Bind(command, "hash", contentHash);
        Bind(command, "canonical", canonicalUrl);
        return command.ExecuteScalar() is long id ? id : null;
    }

    public StoredArticle? Get(long id)
    {
        using var command = Command(null, $"SELECT {Columns} FROM articles a JOIN dossiers d ON d.article_id = a.id WHERE a.id = @id");
        Bind(command, "id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    public IReadOnlyList<(long Id, ulong SimHash)> Originals()
    {
        using var command = Command(null, "SELECT id, simhash FROM articles WHERE duplicate_of IS NULL ORDER BY id");
        using var row = command.ExecuteReader();
        var originals = new List<(long, ulong)>();
        while (row.Read())
            originals.Add((row.GetInt64(0), unchecked((ulong)row.GetInt64(1))));
        return originals;
    }

    public IEnumerable<StoredArticle> AllOriginals()
    {
        // One id range at a time, so no reader stays open across the caller's own use of the connection.
        var after = 0L;
        while (true)
        {
            var page = new List<StoredArticle>(Page);
            using (var command = Command(null, $"SELECT {Columns} FROM articles a JOIN dossiers d ON d.article_id = a.id WHERE a.duplicate_of IS NULL AND a.id > @after ORDER BY a.id LIMIT {Page}"))
            {
                Bind(command, "after", after);
                using var row = command.ExecuteReader();
                while (row.Read())
                    page.Add(Read(row));
            }
            foreach (var article in page)
                yield return article;
            if (page.Count < Page) yield break;
            after = page[^1].Id;
        }
    }

    public int Count()
    {
        using var command = Command(null, "SELECT count(*) FROM articles");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    // Rows read per query while enumerating: a connection runs one command at a time, and callers store while they read.
    internal const int Page = 1000;

    private static StoredArticle Read(NpgsqlDataReader row) =>
        StoredRows.Article(row, new DateTimeOffset(row.GetDateTime(StoredRows.ArticleTime), TimeSpan.Zero));

    private NpgsqlCommand Command(NpgsqlTransaction? transaction, string sql) => PostgresDatabase.Command(_connection, transaction, sql);

    private static void Bind(NpgsqlCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
