using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>The article store in one SQLite file (WAL journal, so readers never block the writer).</summary>
public sealed class SqliteArticleStore : IArticleStore
{
    public const string DefaultPath = "factdesk.db";

    private const string Columns = StoredRows.ArticleColumns;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteArticleStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Opens (or creates) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteArticleStore Open(string path, TimeProvider? clock = null) =>
        new(SqliteDatabase.Open(path), clock ?? TimeProvider.System);

    public AddResult Add(ArticleRecord article)
    {
        using var transaction = _connection.BeginTransaction();
        // Checked inside the transaction, so nothing can slip in between the check and the insert.
        if (FindExisting(article.CanonicalUrl, article.ContentHash, transaction) is { } existing)
            return new AddResult(existing, Added: false);
        using var insert = Command(transaction, """
            INSERT INTO articles (url, canonical_url, path, title, site, published, language, authors, text, content_hash, simhash, duplicate_of, ingested_at)
            VALUES ($url, $canonical, $path, $title, $site, $published, $language, $authors, $text, $hash, $simhash, $duplicateOf, $ingestedAt)
            RETURNING id
            """);
        Bind(insert, "$url", article.Url);
        Bind(insert, "$canonical", article.CanonicalUrl);
        Bind(insert, "$path", article.Path);
        Bind(insert, "$title", article.Title);
        Bind(insert, "$site", article.Site);
        Bind(insert, "$published", article.Published?.ToString("o", CultureInfo.InvariantCulture));
        Bind(insert, "$language", article.Language);
        Bind(insert, "$authors", JsonSerializer.Serialize(article.Authors ?? []));
        Bind(insert, "$text", article.Text);
        Bind(insert, "$hash", article.ContentHash);
        Bind(insert, "$simhash", unchecked((long)article.SimHash));
        Bind(insert, "$duplicateOf", article.DuplicateOf);
        Bind(insert, "$ingestedAt", _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture));
        var id = (long)insert.ExecuteScalar()!;
        using var dossier = Command(transaction, "INSERT INTO dossiers (article_id, json) VALUES ($id, $json)");
        Bind(dossier, "$id", id);
        Bind(dossier, "$json", article.DossierJson);
        dossier.ExecuteNonQuery();
        transaction.Commit();
        return new AddResult(id, Added: true);
    }

    public long? FindExisting(string? canonicalUrl, string contentHash) => FindExisting(canonicalUrl, contentHash, null);

    private long? FindExisting(string? canonicalUrl, string contentHash, SqliteTransaction? transaction)
    {
        using var command = Command(transaction,
            "SELECT id FROM articles WHERE content_hash = $hash OR ($canonical IS NOT NULL AND canonical_url = $canonical) ORDER BY id LIMIT 1");
        Bind(command, "$hash", contentHash);
        Bind(command, "$canonical", canonicalUrl);
        return command.ExecuteScalar() is long id ? id : null;
    }

    public StoredArticle? Get(long id)
    {
        using var command = Command(null, $"SELECT {Columns} FROM articles a JOIN dossiers d ON d.article_id = a.id WHERE a.id = $id");
        Bind(command, "$id", id);
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
        using var command = Command(null, $"SELECT {Columns} FROM articles a JOIN dossiers d ON d.article_id = a.id WHERE a.duplicate_of IS NULL ORDER BY a.id");
        using var row = command.ExecuteReader();
        while (row.Read())
            yield return Read(row);
    }

    public int Count()
    {
        using var command = Command(null, "SELECT count(*) FROM articles");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    private static StoredArticle Read(SqliteDataReader row) =>
        StoredRows.Article(row, DateTimeOffset.Parse(row.GetString(StoredRows.ArticleTime), CultureInfo.InvariantCulture));

    private SqliteCommand Command(SqliteTransaction? transaction, string sql) => SqliteDatabase.Command(_connection, transaction, sql);

    private static void Bind(SqliteCommand command, string name, object? value) => command.Bind(name, value);
}
