using System.Globalization;
using Factdesk.Web.Accounts;
using Factdesk.Web.Articles;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Alerts;

/// <summary>The alerts page: claims in monitored articles that match a known false claim, and opening a check on one.</summary>
public static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/alerts", (HttpContext context, AlertList alerts) =>
        {
            var paging = Paging.From(context);
            var read = alerts.Newest(paging.Probe, paging.Offset);
            var canCheck = context.User.Can(DeskRoles.FactChecker);
            var rows = string.Concat(paging.Rows(read).Select(a => Row(context, a, canCheck)));
            return Page(context, "Alerts", $"""
                <h1>Alerts</h1>
                <p class="meta">Claims in monitored articles that match a fact-check rated false, newest first.</p>
                {(rows.Length == 0 ? "<p>No alerts yet.</p>" : $"<ul class=\"results alerts\">\n{rows}</ul>")}
                {paging.Links("/alerts", read)}
                """);
        }).RequireAuthorization(DeskRoles.Viewer);

        // The alert's sentence is one of the article's dossier claims (the worker matched those), so the check is
        // opened on that claim as from the dossier; a re-analysed article may no longer have it.
        app.MapPost("/alerts/{id:long}/check", (HttpContext context, long id, AlertList alerts, ArticleList articles, CheckStore checks) =>
        {
            var alert = alerts.Get(id);
            var claim = articles.Get(alert.ArticleId).Analysis.Dossier.Claims.FirstOrDefault(c => c.Text == alert.ArticleClaim)
                        ?? throw DeskProblem.Conflict("The alert's sentence is no longer among the article's check-worthy claims; open a check from its dossier.");
            return TypedResults.Redirect($"/checks/{checks.Open(alert.ArticleId, claim.Index, context.User.Actor())}");
        }).RequireAuthorization(DeskRoles.FactChecker);
    }

    private static string Row(HttpContext context, DeskAlert a, bool canCheck)
    {
        var article = a.ArticleStored
            ? $"<a href=\"/articles/{a.ArticleId}\">{E(a.ArticleTitle ?? $"Article {a.ArticleId}")}</a>"
            : $"article {a.ArticleId} (no longer stored)";
        var factCheck = CheckEndpoints.SafeLink(a.Url) is { } u
            ? $"<a href=\"{E(u)}\" rel=\"external nofollow noreferrer\">{E(a.FactCheckClaim)}</a>"
            : E(a.FactCheckClaim);
        var action = a.ClaimCheckId is { } claimCheck ? $"<a href=\"/checks/{claimCheck}\">Check {claimCheck}</a>"
            : (a.ArticleCheckId is { } other ? $"<a href=\"/checks/{other}\">The article's check {other}</a> " : "")
              + (canCheck && a.ArticleStored ? Form(context, $"/alerts/{a.Id}/check", "<button type=\"submit\">Open a check</button>", " class=\"inline\"") : "");
        return $"""
            <li><p><strong>{E(a.ArticleClaim)}</strong> <span class="meta">in {article} · {When(a.CreatedAt)} · score {a.Score.ToString("0.00", CultureInfo.InvariantCulture)}</span></p>
            <p>Matches: {factCheck} <span class="meta">{E(a.Verdict ?? "no verdict")} · {E(a.Publisher ?? "publisher not known")}</span></p>
            <div>{action}</div></li>

            """;
    }
}
