using System.Data.Common;
using Factdesk.Publishing;
using Factdesk.Web.Articles;
using Factdesk.Web.Data;

namespace Factdesk.Web.Checks;

public sealed record CheckRecord(
    long Id, long ArticleId, string Claim, int ClaimStart, int ClaimEnd, string? Claimant, string? ClaimantTitle,
    string Status, string StatusName, long? AssigneeId, string? Assignee, string? Verdict, string? Summary, string? Analysis,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

public sealed record CheckComment(long Id, string Author, string Text, DateTimeOffset At);

public sealed record CheckEvidence(long Id, string Author, string? Url, string Note, DateTimeOffset At);

/// <summary>
/// Checks and everything done to them. Each change is one transaction with its audit entry, and each refuses, with
/// a sentence saying why, what the workflow does not allow.
/// </summary>
public sealed class CheckStore(DeskDatabase db, AuditLog audit, ArticleList articles, StatusStore statuses)
{
    public const int MaxCommentLength = 10_000;
    public const int MaxAnalysisLength = 100_000;
    public const int MaxSummaryLength = 2_000;

    /// <summary>Opens a check on claim <paramref name="claimIndex"/> of the article's dossier; a claim already being checked gives that check.</summary>
    public long Open(long articleId, int claimIndex, Actor by)
    {
        var claim = articles.Get(articleId).Analysis.Dossier.Claims.FirstOrDefault(c => c.Index == claimIndex)
                    ?? throw DeskProblem.NotFound($"claim {claimIndex} in article {articleId}");
        using var transaction = db.Begin();
        // One statement, so two people opening the same claim at once get one check on either database.
        using var insert = db.Command("""
            INSERT INTO checks (article_id, claim, claim_start, claim_end, claimant, claimant_title, status, created_by, created_at, updated_at)
            VALUES (@article, @claim, @start, @end, @claimant, @title, @status, @by, @at, @at)
            ON CONFLICT (article_id, claim_start, claim_end) DO NOTHING RETURNING id
            """, transaction);
        insert.Bind("@article", articleId);
        insert.Bind("@claim", claim.Text);
        insert.Bind("@start", claim.Start);
        insert.Bind("@end", claim.End);
        insert.Bind("@claimant", claim.Claimant?.Name);
        insert.Bind("@title", claim.Claimant?.Title);
        insert.Bind("@status", CheckStatus.New);
        insert.Bind("@by", by.Id);
        insert.Bind("@at", db.Now());
        if (insert.ExecuteScalar() is not long id)
        {
            using var existing = db.Command("SELECT id FROM checks WHERE article_id = @article AND claim_start = @start AND claim_end = @end", transaction);
            existing.Bind("@article", articleId);
            existing.Bind("@start", claim.Start);
            existing.Bind("@end", claim.End);
            return (long)existing.ExecuteScalar()!;
        }
        audit.Record(transaction, by, "check opened", articleId, id, claim.Text);
        transaction.Commit();
        return id;
    }

    public CheckRecord Get(long id) =>
        Query("WHERE c.id = @id", ("@id", id)).FirstOrDefault() ?? throw DeskProblem.NotFound($"check {id}");

    /// <summary>The checks of one article, in the order they were opened.</summary>
    public IReadOnlyList<CheckRecord> List(long articleId) => Query("WHERE c.article_id = @article ORDER BY c.id", ("@article", articleId));

    /// <summary>A page of the checks, most recently changed first; only those in <paramref name="status"/> when given, or only unpublished ones.</summary>
    // The cast gives PostgreSQL the type of a null @status, which it cannot tell from "IS NULL" alone.
    public IReadOnlyList<CheckRecord> Recent(int limit, int offset = 0, string? status = null, bool unpublished = false) =>
        Query("""
            WHERE (CAST(@status AS TEXT) IS NULL OR c.status = @status) AND (@unpublished = 0 OR c.status <> 'published')
            ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit OFFSET @offset
            """, ("@status", (object?)status ?? DBNull.Value), ("@unpublished", unpublished ? 1 : 0), ("@limit", limit), ("@offset", offset));

    /// <summary>How many checks there are in each status.</summary>
    public IReadOnlyDictionary<string, int> CountByStatus()
    {
        using var select = db.Command("SELECT status, count(*) FROM checks GROUP BY status");
        return select.Rows(row => (row.GetString(0), row.Int(1))).ToDictionary(r => r.Item1, r => r.Item2);
    }

    public IReadOnlyList<CheckRecord> AllPublished() => Query("WHERE c.status = 'published' ORDER BY c.id");

    public void SetStatus(long id, string status, Actor by)
    {
        var check = Get(id);
        var workflow = statuses.Workflow;
        if (!workflow.NextByHand(check.Status).Contains(status))
            throw DeskProblem.Conflict(status == CheckStatus.Published
                ? "A check is published with the Publish button, by an editor, once it has a verdict."
                : $"A check that is {workflow.Name(check.Status)} cannot be moved to {workflow.Name(status)}.");
        Change(check, by, "status changed", $"{workflow.Name(check.Status)} → {workflow.Name(status)}",
            "UPDATE checks SET status = @value, updated_at = @at WHERE id = @id", status);
    }

    public void Assign(long id, long? userId, string? userName, Actor by)
    {
        var check = NotPublished(id);
        Change(check, by, "assigned", userName ?? "nobody", "UPDATE checks SET assignee_id = @value, updated_at = @at WHERE id = @id", userId);
    }

    public void Comment(long id, string? text, Actor by)
    {
        var check = Get(id);
        text = Required(text, "A comment", MaxCommentLength);
        using var transaction = db.Begin();
        using var insert = db.Command("INSERT INTO check_comments (check_id, user_id, text, created_at) VALUES (@id, @user, @text, @at)", transaction);
        insert.Bind("@id", id);
        insert.Bind("@user", by.Id);
        insert.Bind("@text", text);
        insert.Bind("@at", db.Now());
        insert.ExecuteNonQuery();
        Touch(transaction, id);
        audit.Record(transaction, by, "commented", check.ArticleId, id);
        transaction.Commit();
    }

    public void AddEvidence(long id, string? url, string? note, Actor by)
    {
        var check = NotPublished(id);
        note = Required(note, "A note on the evidence", MaxSummaryLength);
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw DeskProblem.Invalid("The evidence link must be an http or https address.");
        using var transaction = db.Begin();
        using var insert = db.Command("INSERT INTO check_evidence (check_id, user_id, url, note, created_at) VALUES (@id, @user, @url, @note, @at)", transaction);
        insert.Bind("@id", id);
        insert.Bind("@user", by.Id);
        insert.Bind("@url", url);
        insert.Bind("@note", note);
        insert.Bind("@at", db.Now());
        insert.ExecuteNonQuery();
        Touch(transaction, id);
        audit.Record(transaction, by, "evidence added", check.ArticleId, id, url ?? note);
        transaction.Commit();
    }

    /// <summary>The editor's decision: a verdict that must be a label of <paramref name="scale"/>, a plain-text summary and a Markdown analysis.</summary>
    public void Decide(long id, string? verdict, string? summary, string? analysis, RatingScale scale, Actor by)
    {
        var check = NotPublished(id);
        var label = scale.Find(verdict ?? "") ?? throw DeskProblem.Invalid(
            $"\"{verdict}\" is not a verdict on the {scale.Name} scale; pick one of {string.Join(", ", scale.Labels.Select(l => l.Name))}.");
        summary = Required(summary, "A summary", MaxSummaryLength);
        analysis = string.IsNullOrWhiteSpace(analysis) ? null : analysis.Trim();
        if (analysis?.Length > MaxAnalysisLength) throw DeskProblem.Invalid($"The analysis is longer than {MaxAnalysisLength:N0} characters.");
        using var transaction = db.Begin();
        using var update = db.Command("UPDATE checks SET verdict = @verdict, summary = @summary, analysis = @analysis, updated_at = @at WHERE id = @id", transaction);
        update.Bind("@verdict", label.Name);
        update.Bind("@summary", summary);
        update.Bind("@analysis", analysis);
        update.Bind("@at", db.Now());
        update.Bind("@id", id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, "verdict set", check.ArticleId, id, label.Name);
        transaction.Commit();
    }

    public void Publish(long id, Actor by)
    {
        var check = Get(id);
        if (check.Status == CheckStatus.Published) throw DeskProblem.Conflict("This check is already published.");
        var review = statuses.Workflow.Review;
        if (check.Status != review.Key) throw DeskProblem.Conflict($"Only a check that is {review.Name} can be published; move it there first.");
        if (check.Verdict is null || check.Summary is null) throw DeskProblem.Conflict("Pick a verdict and write a summary before publishing.");
        using var transaction = db.Begin();
        using var update = db.Command("UPDATE checks SET status = 'published', published_at = @at, updated_at = @at WHERE id = @id", transaction);
        update.Bind("@at", db.Now());
        update.Bind("@id", id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, "published", check.ArticleId, id, check.Verdict);
        transaction.Commit();
    }

    /// <summary>A page of the check's comments in the order written: the newest <paramref name="limit"/> after skipping the newest <paramref name="skipNewest"/>.</summary>
    public IReadOnlyList<CheckComment> Comments(long id, int limit = int.MaxValue, int skipNewest = 0)
    {
        using var select = db.Command("""
            SELECT * FROM (SELECT k.id, u.name, k.text, k.created_at FROM check_comments k JOIN users u ON u.id = k.user_id
                           WHERE k.check_id = @id ORDER BY k.id DESC LIMIT @limit OFFSET @offset) AS page ORDER BY id
            """);
        select.Bind("@id", id);
        select.Bind("@limit", limit);
        select.Bind("@offset", skipNewest);
        return select.Rows(row => new CheckComment(row.GetInt64(0), row.GetString(1), row.GetString(2), row.Time(3)!.Value));
    }

    public int CommentCount(long id)
    {
        using var count = db.Command("SELECT count(*) FROM check_comments WHERE check_id = @id");
        count.Bind("@id", id);
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<CheckEvidence> Evidence(long id)
    {
        using var select = db.Command("SELECT k.id, u.name, k.url, k.note, k.created_at FROM check_evidence k JOIN users u ON u.id = k.user_id WHERE k.check_id = @id ORDER BY k.id");
        select.Bind("@id", id);
        return select.Rows(row => new CheckEvidence(row.GetInt64(0), row.GetString(1), row.Text(2), row.GetString(3), row.Time(4)!.Value));
    }

    private CheckRecord NotPublished(long id)
    {
        var check = Get(id);
        return check.Status == CheckStatus.Published ? throw DeskProblem.Conflict("This check is published; it can no longer be changed.") : check;
    }

    private static string Required(string? text, string what, int max)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw DeskProblem.Invalid($"{what} cannot be empty.");
        if (trimmed.Length > max) throw DeskProblem.Invalid($"{what} is longer than {max:N0} characters.");
        return trimmed;
    }

    private void Change(CheckRecord check, Actor by, string action, string detail, string sql, object? value)
    {
        using var transaction = db.Begin();
        using var update = db.Command(sql, transaction);
        update.Bind("@value", value);
        update.Bind("@at", db.Now());
        update.Bind("@id", check.Id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, action, check.ArticleId, check.Id, detail);
        transaction.Commit();
    }

    private void Touch(DbTransaction transaction, long id)
    {
        using var update = db.Command("UPDATE checks SET updated_at = @at WHERE id = @id", transaction);
        update.Bind("@at", db.Now());
        update.Bind("@id", id);
        update.ExecuteNonQuery();
    }

    private List<CheckRecord> Query(string where, params (string Name, object? Value)[] parameters)
    {
        using var select = db.Command($"""
            SELECT c.id, c.article_id, c.claim, c.claim_start, c.claim_end, c.claimant, c.claimant_title, c.status, c.assignee_id, a.name,
                   c.verdict, c.summary, c.analysis, u.name, c.created_at, c.updated_at, c.published_at, s.name
            FROM checks c JOIN users u ON u.id = c.created_by LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN check_statuses s ON s.key = c.status
            {where}
            """);
        foreach (var (name, value) in parameters) select.Bind(name, value);
        return select.Rows(row => new CheckRecord(row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetInt32(3), row.GetInt32(4), row.Text(5), row.Text(6),
            row.GetString(7), row.Text(17) ?? row.GetString(7), row.Long(8), row.Text(9), row.Text(10), row.Text(11), row.Text(12), row.GetString(13),
            row.Time(14)!.Value, row.Time(15)!.Value, row.Time(16)));
    }
}
