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
/// The desk's own rows are found by plain substring (case-insensitive for ASCII), so no character of the query
/// is special: quotes, %, _ and SQL keywords are only text.
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
            WHERE instr(lower(c.claim), lower($q)) OR instr(lower(coalesce(c.claimant, '')), lower($q))
               OR instr(lower(coalesce(c.summary, '')), lower($q)) OR instr(lower(coalesce(c.verdict, '')), lower($q))
            ORDER BY c.updated_at DESC LIMIT $top
            """);
        select.Bind("$q", q);
        select.Bind("$top", Top);
        return select.Rows(row => new CheckHit(row.GetInt64(0), row.GetString(1), row.Text(2), row.GetString(3), row.GetString(4), row.Text(5)));
    }

    // The claims live in each article's dossier JSON; SQLite reads them there, newest article first.
    private List<ClaimHit> Claims(string q)
    {
        using var select = db.Command("""
            SELECT d.article_id, a.title, CAST(j.key AS INTEGER), json_extract(j.value, '$.text'), json_extract(j.value, '$.claimant.name')
            FROM dossiers d JOIN articles a ON a.id = d.article_id, json_each(d.json, '$.claims') j
            WHERE instr(lower(json_extract(j.value, '$.text')), lower($q)) OR instr(lower(coalesce(json_extract(j.value, '$.claimant.name'), '')), lower($q))
            ORDER BY d.article_id DESC, CAST(j.key AS INTEGER) LIMIT $top
            """);
        select.Bind("$q", q);
        select.Bind("$top", Top);
        return select.Rows(row => new ClaimHit(row.GetInt64(0), row.Text(1), row.GetInt32(2), row.Text(3) ?? "", row.Text(4)));
    }

    private List<ClaimantHit> Claimants(string q)
    {
        using var select = db.Command("""
            SELECT name, sum(checks), sum(facts) FROM (
                SELECT claimant AS name, 1 AS checks, 0 AS facts FROM checks WHERE claimant IS NOT NULL AND instr(lower(claimant), lower($q))
                UNION ALL
                SELECT claimant, 0, 1 FROM fact_checks WHERE claimant IS NOT NULL AND instr(lower(claimant), lower($q)))
            GROUP BY name COLLATE NOCASE ORDER BY sum(checks) + sum(facts) DESC, name LIMIT $top
            """);
        select.Bind("$q", q);
        select.Bind("$top", Top);
        return select.Rows(row => new ClaimantHit(row.GetString(0), row.GetInt32(1), row.GetInt32(2)));
    }
}
