using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>The alert store in the same SQLite file as the articles and fact-checks.</summary>
public sealed class SqliteAlertStore : IAlertStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteAlertStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public static SqliteAlertStore Open(string path, TimeProvider? clock = null) => new(SqliteDatabase.Open(path), clock ?? TimeProvider.System);

    public bool IsFinished(long articleId)
    {
        using var command = SqliteDatabase.Command(_connection, null, "SELECT 1 FROM monitored_articles WHERE article_id = $id");
        command.Bind("$id", articleId);
        return command.ExecuteScalar() is not null;
    }

    public int Finish(long articleId, IReadOnlyList<AlertRecord> alerts)
    {
        var now = _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        using var transaction = _connection.BeginTransaction();
        var added = 0;
        foreach (var alert in alerts)
        {
            using var insert = SqliteDatabase.Command(_connection, transaction, """
                INSERT INTO alerts (article_id, fact_check_id, article_claim, fact_check_claim, verdict, url, score, created_at)
                VALUES ($article, $factCheck, $articleClaim, $factCheckClaim, $verdict, $url, $score, $at)
                ON CONFLICT (article_id, fact_check_id) DO NOTHING
                """);
            insert.Bind("$article", articleId);
            insert.Bind("$factCheck", alert.FactCheckId);
            insert.Bind("$articleClaim", alert.ArticleClaim);
            insert.Bind("$factCheckClaim", alert.FactCheckClaim);
            insert.Bind("$verdict", alert.Verdict);
            insert.Bind("$url", alert.Url);
            insert.Bind("$score", alert.Score);
            insert.Bind("$at", now);
            added += insert.ExecuteNonQuery();
        }
        using var mark = SqliteDatabase.Command(_connection, transaction, """
            INSERT INTO monitored_articles (article_id, alerts, finished_at) VALUES ($article, $alerts, $at)
            ON CONFLICT (article_id) DO NOTHING
            """);
        mark.Bind("$article", articleId);
        mark.Bind("$alerts", alerts.Count);
        mark.Bind("$at", now);
        mark.ExecuteNonQuery();
        transaction.Commit();
        return added;
    }

    public IReadOnlyList<StoredAlert> Latest(int limit)
    {
        using var command = SqliteDatabase.Command(_connection, null, """
            SELECT id, article_id, fact_check_id, article_claim, fact_check_claim, verdict, url, score, created_at
            FROM alerts ORDER BY id DESC LIMIT $limit
            """);
        command.Bind("$limit", Math.Max(limit, 0));
        using var row = command.ExecuteReader();
        var alerts = new List<StoredAlert>();
        while (row.Read())
        {
            var alert = new AlertRecord(row.GetInt64(2), row.GetString(3), row.GetString(4),
                row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6), row.GetDouble(7));
            alerts.Add(new StoredAlert(row.GetInt64(0), row.GetInt64(1), alert, DateTimeOffset.Parse(row.GetString(8), CultureInfo.InvariantCulture)));
        }
        return alerts;
    }

    public int FinishedCount()
    {
        using var command = SqliteDatabase.Command(_connection, null, "SELECT count(*) FROM monitored_articles");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
