using System.Globalization;
using Npgsql;

namespace Factdesk.Storage;

/// <summary>The alert store in the PostgreSQL database the workers share with the articles and fact-checks.</summary>
public sealed class PostgresAlertStore : IAlertStore
{
    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _clock;

    private PostgresAlertStore(NpgsqlConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Connects to the database <paramref name="connectionString"/> names and brings its schema up to date.</summary>
    public static PostgresAlertStore Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    public bool IsFinished(long articleId)
    {
        using var command = Command(null, "SELECT 1 FROM monitored_articles WHERE article_id = @id");
        command.Parameters.AddWithValue("id", articleId);
        return command.ExecuteScalar() is not null;
    }

    public int Finish(long articleId, IReadOnlyList<AlertRecord> alerts)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        using var transaction = _connection.BeginTransaction();
        var added = 0;
        foreach (var alert in alerts)
        {
            // Two workers holding the same redelivered job both reach here: the unique pair makes the later insert wait
            // for the earlier commit and then add nothing.
            using var insert = Command(transaction, """
                INSERT INTO alerts (article_id, fact_check_id, article_claim, fact_check_claim, verdict, url, score, created_at)
                VALUES (@article, @factCheck, @articleClaim, @factCheckClaim, @verdict, @url, @score, @at)
                ON CONFLICT (article_id, fact_check_id) DO NOTHING
                """);
            Bind(insert, "article", articleId);
            Bind(insert, "factCheck", alert.FactCheckId);
            Bind(insert, "articleClaim", alert.ArticleClaim);
            Bind(insert, "factCheckClaim", alert.FactCheckClaim);
            Bind(insert, "verdict", alert.Verdict);
            Bind(insert, "url", alert.Url);
            Bind(insert, "score", alert.Score);
            Bind(insert, "at", now);
            added += insert.ExecuteNonQuery();
        }
        using var mark = Command(transaction, """
            INSERT INTO monitored_articles (article_id, alerts, finished_at) VALUES (@article, @alerts, @at)
            ON CONFLICT (article_id) DO NOTHING
            """);
        Bind(mark, "article", articleId);
        Bind(mark, "alerts", alerts.Count);
        Bind(mark, "at", now);
        mark.ExecuteNonQuery();
        transaction.Commit();
        return added;
    }

    public IReadOnlyList<StoredAlert> Latest(int limit)
    {
        using var command = Command(null, """
            SELECT id, article_id, fact_check_id, article_claim, fact_check_claim, verdict, url, score, created_at
            FROM alerts ORDER BY id DESC LIMIT @limit
            """);
        Bind(command, "limit", Math.Max(limit, 0));
        using var row = command.ExecuteReader();
        var alerts = new List<StoredAlert>();
        while (row.Read())
        {
            var alert = new AlertRecord(row.GetInt64(2), row.GetString(3), row.GetString(4),
                row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6), row.GetDouble(7));
            alerts.Add(new StoredAlert(row.GetInt64(0), row.GetInt64(1), alert, new DateTimeOffset(row.GetDateTime(8), TimeSpan.Zero)));
        }
        return alerts;
    }

    public int FinishedCount()
    {
        using var command = Command(null, "SELECT count(*) FROM monitored_articles");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    private NpgsqlCommand Command(NpgsqlTransaction? transaction, string sql) => PostgresDatabase.Command(_connection, transaction, sql);

    private static void Bind(NpgsqlCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
