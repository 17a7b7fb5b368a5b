using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

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
public sealed class DeskSearch(DeskDatabase db, EarlierFactChecks factChecks, DeskOptions options, IMemoryCache cache)
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

    // The claims live in each article's dossier JSON. Reading every dossier again for each search cost more than the rest of
    // the search (a 10,000-word article's dossier is 460 KB of JSON), so each article version's claims are read once and
    // kept; a search then walks the articles newest first and matches the kept claims as the database's lower() would.
    // The article list is read whole before any claims are: Npgsql allows one open reader per connection.
    private List<ClaimHit> Claims(string q)
    {
        var needle = Lower(q);
        var hits = new List<ClaimHit>();
        using var select = db.Command("SELECT a.id, a.title, a.content_hash FROM dossiers d JOIN articles a ON a.id = d.article_id ORDER BY d.article_id DESC");
        foreach (var (id, title, version) in select.Rows(row => (row.GetInt64(0), row.Text(1), row.GetString(2))))
        {
            foreach (var claim in ClaimsOf(id, version))
            {
                if (claim.Lower?.Contains(needle, StringComparison.Ordinal) != true && !claim.LowerClaimant.Contains(needle, StringComparison.Ordinal)) continue;
                hits.Add(new ClaimHit(id, title, claim.Index, claim.Text ?? "", claim.Claimant));
                if (hits.Count == Top) return hits;
            }
        }
        return hits;
    }

    private sealed record KeptClaim(int Index, string? Text, string? Claimant, string? Lower, string LowerClaimant);

    // Only the way a JSON array becomes rows (j.key its index, j.value the claim) differs between SQLite and PostgreSQL.
    private IReadOnlyList<KeptClaim> ClaimsOf(long article, string version) =>
        cache.GetOrCreate(("desk search claims", options.Database, article, version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var claims = db.Dialect(
                sqlite: "json_each(d.json, '$.claims') j",
                postgres: "LATERAL (SELECT e.value, e.n - 1 AS key FROM jsonb_array_elements(d.json::jsonb -> 'claims') WITH ORDINALITY AS e(value, n)) j");
            using var select = db.Command($"""
                SELECT CAST(j.key AS INTEGER), j.value ->> 'text', j.value -> 'claimant' ->> 'name'
                FROM dossiers d, {claims} WHERE d.article_id = @id ORDER BY CAST(j.key AS INTEGER)
                """);
            select.Bind("@id", article);
            return select.Rows(row => new KeptClaim(row.Int(0), row.Text(1), row.Text(2),
                row.Text(1) is { } text ? Lower(text) : null, Lower(row.Text(2) ?? "")));
        })!;

    // SQLite's lower() without ICU folds A to Z only; PostgreSQL's folds every letter.
    private string Lower(string text) => db.OnPostgres ? text.ToLowerInvariant() : AsciiLower(text);

    /// <summary>Lower case for A to Z only, as SQLite's lower() without ICU does.</summary>
    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        });

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
