using System.Globalization;
using Factdesk.Web.Accounts;
using Factdesk.Web.Checks;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Search;

/// <summary>The search page: a plain GET form, so a search is a link one can bookmark or share.</summary>
public static class SearchEndpoints
{
    public static void MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", (HttpContext context, string? q, DeskSearch search) =>
        {
            var form = $"""
                <form method="get" action="/search" role="search" class="search">
                <label for="q">Search claims, fact-checks and claimants</label><br>
                <input id="q" name="q" type="search" value="{E(q)}" minlength="{DeskSearch.MinLength}" maxlength="{DeskSearch.MaxLength}" required autofocus>
                <button type="submit">Search</button>
                </form>
                """;
            if (string.IsNullOrWhiteSpace(q)) return Page(context, "Search", $"<h1>Search</h1>\n{form}");
            var results = search.Find(q);
            return Page(context, $"Search: {results.Query}", $"<h1>Search</h1>\n{form}\n{Results(results)}");
        }).RequireAuthorization(DeskRoles.Viewer);
    }

    private static string Results(SearchResults r)
    {
        static string Section(string id, string title, int count, string list) =>
            $"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{title} <span class=\"meta\">({count.ToString(CultureInfo.InvariantCulture)})</span></h2>\n{(count == 0 ? "<p>None found.</p>" : list)}\n</section>\n";
        var checks = "<ul class=\"results\">" + string.Concat(r.Checks.Select(c =>
            $"<li><a href=\"/checks/{c.Id}\">{E(c.Claim)}</a> <span class=\"status {E(c.Status)}\">{E(c.StatusName)}</span>" +
            $"{(c.Claimant is { } who ? $" <span class=\"meta\">{E(who)}</span>" : "")}{(c.Verdict is { } v ? $" <span class=\"meta\">verdict: {E(v)}</span>" : "")}</li>\n")) + "</ul>";
        var claims = "<ul class=\"results\">" + string.Concat(r.Claims.Select(c =>
            $"<li><a href=\"/articles/{c.ArticleId}#claim-{c.Claim}\">{E(c.Text)}</a>{(c.Claimant is { } who ? $" <span class=\"meta\">{E(who)}</span>" : "")}" +
            $" <span class=\"meta\">in {E(c.ArticleTitle ?? $"article {c.ArticleId}")}</span></li>\n")) + "</ul>";
        var facts = "<ul class=\"results\">" + string.Concat(r.FactChecks.Select(f =>
            $"<li>{(CheckEndpoints.SafeLink(f.Url) is { } u ? $"<a href=\"{E(u)}\" rel=\"external nofollow noreferrer\">{E(f.Claim)}</a>" : E(f.Claim))}" +
            $" <span class=\"meta\">{E(f.Verdict ?? "no verdict")} · {E(f.Publisher ?? "publisher not known")}{(f.Claimant is { } who ? $" · {E(who)}" : "")} · {E(f.Level)} {f.Score.ToString("0.00", CultureInfo.InvariantCulture)}</span></li>\n")) + "</ul>";
        var claimants = "<ul class=\"results\">" + string.Concat(r.Claimants.Select(c =>
            $"<li><a href=\"/search?q={Uri.EscapeDataString(c.Name)}\">{E(c.Name)}</a> <span class=\"meta\">{c.Checks.ToString(CultureInfo.InvariantCulture)} check(s), {c.FactChecks.ToString(CultureInfo.InvariantCulture)} fact-check(s)</span></li>\n")) + "</ul>";
        return Section("found-checks", "Checks", r.Checks.Count, checks)
               + Section("found-claims", "Claims in articles", r.Claims.Count, claims)
               + Section("found-fact-checks", "Fact-checks in the store", r.FactChecks.Count, facts)
               + Section("found-claimants", "Claimants", r.Claimants.Count, claimants);
    }
}
