using Factdesk.Web.Data;

namespace Factdesk.Web.Checks;

/// <summary>One status of the workflow: its key (what a check stores), the name the team gave it, its place in the order.</summary>
public sealed record StatusInfo(string Key, string Name, int Position);

/// <summary>
/// The keys every workflow has. A check starts in <see cref="New"/> and only publishing (an editor's step, with a
/// verdict) reaches <see cref="Published"/>; a published check stays so. Teams rename these and add their own
/// statuses between them.
/// </summary>
public static class CheckStatus
{
    public const string New = "new";
    public const string Researching = "researching";
    public const string InReview = "in-review";
    public const string Published = "published";
}

/// <summary>
/// The team's statuses in order: New first, Published last, the team's own in between (by default New → Researching
/// → In review → Published). By hand a check moves one status forward, or back to any earlier status but the first;
/// publishing needs the status just before Published (the review).
/// </summary>
public sealed class Workflow(IReadOnlyList<StatusInfo> statuses)
{
    public IReadOnlyList<StatusInfo> All => statuses;

    public string Name(string key) => statuses.FirstOrDefault(s => s.Key == key)?.Name ?? key;

    /// <summary>The status from which a check may be published.</summary>
    public StatusInfo Review => statuses[^2];

    public IReadOnlyList<string> NextByHand(string key)
    {
        var at = statuses.ToList().FindIndex(s => s.Key == key);
        if (at < 0 || key == CheckStatus.Published) return [];
        var next = new List<string>();
        if (at + 1 < statuses.Count - 1) next.Add(statuses[at + 1].Key);
        for (var i = at - 1; i >= 1; i--) next.Add(statuses[i].Key);
        return next;
    }
}

/// <summary>The statuses as stored, and the admin's changes to them (each recorded in the audit log).</summary>
public sealed class StatusStore(DeskDatabase db, AuditLog audit)
{
    public const int MaxNameLength = 40;

    private Workflow? _workflow;

    public Workflow Workflow => _workflow ??= new Workflow(Read());

    public void Rename(string key, string? name, Actor by)
    {
        var status = Workflow.All.FirstOrDefault(s => s.Key == key) ?? throw DeskProblem.NotFound($"status {key}");
        name = ValidName(name, key);
        if (name == status.Name) return;
        using var transaction = db.Begin();
        using var update = db.Command("UPDATE check_statuses SET name = @name WHERE key = @key", transaction);
        update.Bind("@name", name);
        update.Bind("@key", key);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, "status renamed", detail: $"{status.Name} → {name}");
        transaction.Commit();
        _workflow = null;
    }

    /// <summary>Adds a status right after <paramref name="after"/> (any status but Published); returns its key.</summary>
    public string Add(string? name, string? after, Actor by)
    {
        name = ValidName(name, null);
        var before = Workflow.All.FirstOrDefault(s => s.Key == after) ?? throw DeskProblem.Invalid("Say after which status the new one comes.");
        if (before.Key == CheckStatus.Published) throw DeskProblem.Invalid("Published stays the last status; add the new one before it.");
        var key = NewKey(name);
        using var transaction = db.Begin();
        using (var shift = db.Command("UPDATE check_statuses SET position = position + 1 WHERE position > @at", transaction))
        {
            shift.Bind("@at", before.Position);
            shift.ExecuteNonQuery();
        }
        using (var insert = db.Command("INSERT INTO check_statuses (key, name, position) VALUES (@key, @name, @position)", transaction))
        {
            insert.Bind("@key", key);
            insert.Bind("@name", name);
            insert.Bind("@position", before.Position + 1);
            insert.ExecuteNonQuery();
        }
        audit.Record(transaction, by, "status added", detail: $"{name} after {before.Name}");
        transaction.Commit();
        _workflow = null;
        return key;
    }

    private string ValidName(string? name, string? key)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw DeskProblem.Invalid("A status needs a name.");
        if (trimmed.Length > MaxNameLength) throw DeskProblem.Invalid($"A status name is at most {MaxNameLength} characters.");
        if (trimmed.Any(char.IsControl)) throw DeskProblem.Invalid("A status name is one line of text.");
        if (Workflow.All.Any(s => s.Key != key && string.Equals(s.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            throw DeskProblem.Conflict($"There is already a status named {trimmed}.");
        return trimmed;
    }

    /// <summary>A key made of the name's ASCII letters and digits (it ends up in a CSS class), unique among the statuses.</summary>
    private string NewKey(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        if (slug.Length is 0 or > 30) slug = "status";
        var key = slug;
        for (var n = 2; Workflow.All.Any(s => s.Key == key); n++) key = $"{slug}-{n}";
        return key;
    }

    private List<StatusInfo> Read()
    {
        using var select = db.Command("SELECT key, name, position FROM check_statuses ORDER BY position");
        return select.Rows(row => new StatusInfo(row.GetString(0), row.GetString(1), row.GetInt32(2)));
    }
}
