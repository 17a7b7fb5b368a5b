using Factdesk.Web.Checks;
using Factdesk.Web.Data;

namespace Factdesk.Web.Search;

public sealed record CheckHit(long Id, string Claim, string? Claimant, string Status, string StatusName, string? Verdict);

public sealed record ClaimHit(long ArticleId, string? ArticleTitle, int Claim, string Text, string? Claimant);

public sealed record ClaimantHit(string Name, int Checks, int FactChecks);

public sealed record SearchResults(string Query, IReadOnlyList<CheckHit> Checks, IReadOnlyList<ClaimHit> Claims, IReadOnlyList<EarlierFactCheck> FactChecks, IReadOnlyList<ClaimantHit> Claimants);

/// <summary>
/// One search box over what the desk knows: its checks (claim, claimant, summary, verdict), the check-worthy claims
/// of its articles, the store's fact-checks (the hybrid matcher: words and meaning), and the claimants of both.
/// The desk's own rows are found by plain substring (case-insensitive: ASCII letters on SQLite, all on PostgreSQL),
/// so no character of the query is special: quotes, %, _ and SQL keywords are only text.
/// </summary>
public sealed class DeskSearch(DeskDatabase db, EarlierFactChecks factChecks, DeskOptions options)
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
    public const int Top = 20;

    public static string Valid(string? query)
    {
        var trimmed = query?.Trim() ?? "";
        if (trimmed.Length < MinLength) throw DeskProblem.Invalid($"Search for at least {MinLength} characters.");
        if (trimmed.Length > MaxLength) throw DeskProblem.Invalid($"A search is at most {MaxLength} characters.");
        return trimmed;
    }

    public SearchResults Find(string? query)
    {
        var q = Valid(query);
        return new SearchResults(q, Checks(q), Claims(q), factChecks.Find(options, q, 10), Claimants(q));
    }

    private List<CheckHit> Checks(string q)
    {
        using var select = db.Command("""
            SELECT c.id, c.claim, c.claimant, c.status, coalesce(s.name, c.status), c.verdict FROM checks c
            LEFT JOIN check_statuses s ON s.key = c.status
            WHERE lower(c.claim) LIKE lower(@q) ESCAPE '\' OR lower(coalesce(c.claimant, '')) LIKE lower(@q) ESCAPE '\'
               OR lower(coalesce(c.summary, '')) LIKE lower(@q) ESCAPE '\' OR lower(coalesce(c.verdict, '')) LIKE lower(@q) ESCAPE '\'
            ORDER BY c.updated_at DESC LIMIT @top
            """);
        select.Bind("@q", Containing(q));
        select.Bind("@top", Top);
        return select.Rows(row => new CheckHit(row.GetInt64(0), row.GetString(1), row.Text(2), row.GetString(3), row.GetString(4), row.Text(5)));
    }

    // The claims live in each article's dossier JSON, read there newest article first: only the way a JSON array
    // becomes rows (j.key its index, j.value the claim) differs between SQLite and PostgreSQL.
    private List<ClaimHit> Claims(string q)
    {
        var claims = db.Dialect(
            sqlite: "json_each(d.json, '$.claims') j",
            postgres: "LATERAL (SELECT e.value, e.n - 1 AS key FROM jsonb_array_elements(d.json::jsonb -> 'claims') WITH ORDINALITY AS e(value, n)) j");
        using var select = db.Command($"""
            SELECT d.article_id, a.title, CAST(j.key AS INTEGER), j.value ->> 'text', j.value -> 'claimant' ->> 'name'
            FROM dossiers d JOIN articles a ON a.id = d.article_id, {claims}
            WHERE lower(j.value ->> 'text') LIKE lower(@q) ESCAPE '\' OR lower(coalesce(j.value -> 'claimant' ->> 'name', '')) LIKE lower(@q) ESCAPE '\'
            ORDER BY d.article_id DESC, CAST(j.key AS INTEGER) LIMIT @top
            """);
        select.Bind("@q", Containing(q));
        select.Bind("@top", Top);
        return select.Rows(row => new ClaimHit(row.GetInt64(0), row.Text(1), row.Int(2), row.Text(3) ?? "", row.Text(4)));
    }

    private List<ClaimantHit> Claimants(string q)
    {
        using var select = db.Command("""
            SELECT min(name) AS claimant, sum(checks), sum(facts) FROM (
                SELECT claimant AS name, 1 AS checks, 0 AS facts FROM checks WHERE claimant IS NOT NULL AND lower(claimant) LIKE lower(@q) ESCAPE '\'
                UNION ALL
                SELECT claimant, 0, 1 FROM fact_checks WHERE claimant IS NOT NULL AND lower(claimant) LIKE lower(@q) ESCAPE '\') AS found
            GROUP BY name COLLATE NOCASE ORDER BY sum(checks) + sum(facts) DESC, claimant LIMIT @top
            """);
        select.Bind("@q", Containing(q));
        select.Bind("@top", Top);
        return select.Rows(row => new ClaimantHit(row.GetString(0), row.Int(1), row.Int(2)));
    }

    /// <summary>A LIKE pattern for text containing <paramref name="q"/> as it is: its own %, _ and \ are escaped.</summary>
    private static string Containing(string q) =>
        "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
