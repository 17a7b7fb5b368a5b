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
/// The desk's own rows are found by plain substring (case-insensitive for ASCII), so no character of the query
/// is special: quotes, %, _ and SQL keywords are only text.
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
            WHERE instr(lower(c.claim), lower($q)) OR instr(lower(coalesce(c.claimant, '')), lower($q))
               OR instr(lower(coalesce(c.summary, '')), lower($q)) OR instr(lower(coalesce(c.verdict, '')), lower($q))
            ORDER BY c.updated_at DESC LIMIT $top
            """);
        select.Bind("$q", q);
        select.Bind("$top", Top);
        return select.Rows(row => new CheckHit(row.GetInt64(0), row.GetString(1), row.Text(2), row.GetString(3), row.GetString(4), row.Text(5)));
    }

    // The claims live in each article's dossier JSON. Reading every dossier again for each search cost more than the rest of
    // the search (a 10,000-word article's dossier is 460 KB of JSON), so each article version's claims are read once and
    // kept; a search then walks the articles newest first and matches the kept claims as SQLite would (ASCII-only lower()).
    private List<ClaimHit> Claims(string q)
    {
        var needle = AsciiLower(q);
        var hits = new List<ClaimHit>();
        using var select = db.Command("SELECT a.id, a.title, a.content_hash FROM dossiers d JOIN articles a ON a.id = d.article_id ORDER BY d.article_id DESC");
        using var row = select.ExecuteReader();
        while (hits.Count < Top && row.Read())
        {
            var id = row.GetInt64(0);
            var title = row.Text(1);
            foreach (var claim in ClaimsOf(id, row.GetString(2)))
            {
                if (claim.Lower?.Contains(needle, StringComparison.Ordinal) != true && !claim.LowerClaimant.Contains(needle, StringComparison.Ordinal)) continue;
                hits.Add(new ClaimHit(id, title, claim.Index, claim.Text ?? "", claim.Claimant));
                if (hits.Count == Top) break;
            }
        }
        return hits;
    }

    private sealed record KeptClaim(int Index, string? Text, string? Claimant, string? Lower, string LowerClaimant);

    private IReadOnlyList<KeptClaim> ClaimsOf(long article, string version) =>
        cache.GetOrCreate(("desk search claims", options.DatabasePath, article, version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            using var select = db.Command("""
                SELECT CAST(j.key AS INTEGER), json_extract(j.value, '$.text'), json_extract(j.value, '$.claimant.name')
                FROM dossiers d, json_each(d.json, '$.claims') j WHERE d.article_id = $id ORDER BY CAST(j.key AS INTEGER)
                """);
            select.Bind("$id", article);
            return select.Rows(row => new KeptClaim(row.GetInt32(0), row.Text(1), row.Text(2),
                row.Text(1) is { } text ? AsciiLower(text) : null, AsciiLower(row.Text(2) ?? "")));
        })!;

    /// <summary>Lower case for A to Z only, as SQLite's lower() without ICU does.</summary>
    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        });

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
