using Factdesk.Web.Data;

namespace Factdesk.Web.Alerts;

/// <summary>
/// An alert of the monitoring workers as the desk shows it: the article (its title when it is still stored), the
/// sentence that matched, the earlier fact-check it matched, and the checks already opened on the article.
/// <see cref="ClaimCheckId"/> is a check on this very sentence; <see cref="ArticleCheckId"/> the article's newest check.
/// </summary>
public sealed record DeskAlert(
    long Id, long ArticleId, string? ArticleTitle, bool ArticleStored, string ArticleClaim,
    long FactCheckId, string FactCheckClaim, string? Verdict, string? Publisher, string? Url, double Score, DateTimeOffset CreatedAt,
    long? ClaimCheckId, long? ArticleCheckId);

/// <summary>The alerts the workers recorded in the desk's database (the alerts table), newest first.</summary>
public sealed class AlertList(DeskDatabase db)
{
    public IReadOnlyList<DeskAlert> Newest(int limit, int offset = 0)
    {
        using var select = db.Command($"{Select} ORDER BY al.id DESC LIMIT @limit OFFSET @offset");
        select.Bind("@limit", limit);
        select.Bind("@offset", offset);
        return select.Rows(Read);
    }

    public DeskAlert Get(long id)
    {
        using var select = db.Command($"{Select} WHERE al.id = @id");
        select.Bind("@id", id);
        return select.Rows(Read).FirstOrDefault() ?? throw DeskProblem.NotFound($"alert {id}");
    }

    // The fact-check's publisher is not copied into the alert, so it is read from the fact-check while that is stored.
    private const string Select = """
        SELECT al.id, al.article_id, a.title, a.id IS NOT NULL, al.article_claim, al.fact_check_id, al.fact_check_claim, al.verdict,
               f.publisher, al.url, al.score, al.created_at,
               (SELECT c.id FROM checks c WHERE c.article_id = al.article_id AND c.claim = al.article_claim ORDER BY c.id LIMIT 1),
               (SELECT max(c.id) FROM checks c WHERE c.article_id = al.article_id)
        FROM alerts al LEFT JOIN articles a ON a.id = al.article_id LEFT JOIN fact_checks f ON f.id = al.fact_check_id
        """;

    private static DeskAlert Read(System.Data.Common.DbDataReader row) =>
        new(row.GetInt64(0), row.GetInt64(1), row.Text(2), row.GetBoolean(3), row.GetString(4), row.GetInt64(5), row.GetString(6), row.Text(7),
            row.Text(8), row.Text(9), row.GetDouble(10), row.Time(11)!.Value, row.Long(12), row.Long(13));
}
