using System.Data.Common;

namespace Factdesk.Web.Data;

/// <summary>One recorded change: who did what, when, to which article or check.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserName, string Action, long? ArticleId, long? CheckId, string? Detail);

/// <summary>
/// The record of every change made through the desk. Writers add their row inside their own transaction, so a
/// change and its record are stored together or not at all.
/// </summary>
public sealed class AuditLog(DeskDatabase db)
{
    public void Record(DbTransaction? transaction, Actor actor, string action, long? articleId = null, long? checkId = null, string? detail = null)
    {
        using var insert = db.Command("""
            INSERT INTO audit_log (at, user_id, user_name, action, article_id, check_id, detail)
            VALUES (@at, @user, @name, @action, @article, @check, @detail)
            """, transaction);
        insert.Bind("@at", db.Now());
        insert.Bind("@user", actor.Id);
        insert.Bind("@name", actor.Name);
        insert.Bind("@action", action);
        insert.Bind("@article", articleId);
        insert.Bind("@check", checkId);
        insert.Bind("@detail", detail);
        insert.ExecuteNonQuery();
    }

    /// <summary>The newest entries first; only those of one check when <paramref name="checkId"/> is given.</summary>
    public IReadOnlyList<AuditEntry> Recent(long? checkId = null, int limit = 200, int offset = 0)
    {
        // Two statements rather than "@check IS NULL OR ...", so a check's history is read through its index.
        using var select = db.Command(checkId is null
            ? "SELECT id, at, user_name, action, article_id, check_id, detail FROM audit_log ORDER BY id DESC LIMIT @limit OFFSET @offset"
            : "SELECT id, at, user_name, action, article_id, check_id, detail FROM audit_log WHERE check_id = @check ORDER BY id DESC LIMIT @limit OFFSET @offset");
        if (checkId is not null) select.Bind("@check", checkId);
        select.Bind("@limit", limit);
        select.Bind("@offset", offset);
        return select.Rows(row => new AuditEntry(row.GetInt64(0), row.Time(1)!.Value,
            row.GetString(2), row.GetString(3), row.Long(4), row.Long(5), row.Text(6)));
    }
}

/// <summary>Who makes a change: a signed-in user, or the command line when it creates the first accounts.</summary>
public sealed record Actor(long? Id, string Name)
{
    public static readonly Actor CommandLine = new(null, "command line");
}
