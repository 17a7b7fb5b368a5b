using System.Globalization;
using Factdesk.Publishing;
using Factdesk.Storage;
using Factdesk.Web.Accounts;
using Factdesk.Web.Articles;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Checks;

/// <summary>The check pages and their forms, and publishing.</summary>
public static class CheckEndpoints
{
    public static void MapChecks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checks", (HttpContext context, CheckStore checks, StatusStore statuses, string? status) =>
        {
            var workflow = statuses.Workflow;
            var paging = Paging.From(context);
            if (status is not null)
            {
                var one = workflow.All.FirstOrDefault(s => s.Key == status) ?? throw DeskProblem.NotFound($"status {status}");
                var read = checks.Recent(paging.Probe, paging.Offset, one.Key);
                return Page(context, one.Name, $"""
                    <h1>Checks: {E(one.Name)}</h1>
                    <p><a href="/checks">All statuses</a></p>
                    {CheckList(paging.Rows(read))}
                    {paging.Links($"/checks?status={Uri.EscapeDataString(one.Key)}", read)}
                    """);
            }
            // Each status shows its most recently changed checks; the link under it pages through the rest.
            var counts = checks.CountByStatus();
            var sections = string.Concat(workflow.All.Select(s =>
            {
                var count = counts.GetValueOrDefault(s.Key);
                var more = count > SectionSize ? $"<p><a href=\"/checks?status={Uri.EscapeDataString(s.Key)}\">All {count.ToString(CultureInfo.InvariantCulture)} checks {E(s.Name)}</a></p>\n" : "";
                return $"<h2>{E(s.Name)} <span class=\"meta\">({count.ToString(CultureInfo.InvariantCulture)})</span></h2>\n{CheckList(count == 0 ? [] : checks.Recent(SectionSize, 0, s.Key))}\n{more}";
            }));
            return Page(context, "Checks", $"<h1>Checks</h1>\n{sections}");
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapGet("/checks/{id:long}", (HttpContext context, long id, CheckStore checks, ArticleList articles, UserStore users, AuditLog audit, RatingScale scale,
                EarlierFactChecks earlier, DeskOptions options, StatusStore statuses) =>
            {
                var check = checks.Get(id);
                return CheckPage(context, check, checks, articles, users, audit, scale, earlier.For(options, check), statuses.Workflow);
            }).RequireAuthorization(DeskRoles.Viewer);

        var forms = app.MapGroup("/checks/{id:long}");
        forms.MapPost("/status", (HttpContext context, long id, CheckStore checks) =>
            Done(id, () => checks.SetStatus(id, context.Request.Form["status"].ToString(), context.User.Actor()))).RequireAuthorization(DeskRoles.FactChecker);
        forms.MapPost("/assign", (HttpContext context, long id, CheckStore checks, UserStore users) =>
        {
            var name = context.Request.Form["assignee"].ToString();
            var user = name.Length == 0 ? null : users.Find(name) ?? throw DeskProblem.NotFound($"account named {name}");
            return Done(id, () => checks.Assign(id, user?.Id, user?.Name, context.User.Actor()));
        }).RequireAuthorization(DeskRoles.FactChecker);
        forms.MapPost("/comments", (HttpContext context, long id, CheckStore checks) =>
            Done(id, () => checks.Comment(id, context.Request.Form["text"].ToString(), context.User.Actor()), "#comments")).RequireAuthorization(DeskRoles.FactChecker);
        forms.MapPost("/evidence", (HttpContext context, long id, CheckStore checks) =>
            Done(id, () => checks.AddEvidence(id, context.Request.Form["url"].ToString(), context.Request.Form["note"].ToString(), context.User.Actor()), "#evidence"))
            .RequireAuthorization(DeskRoles.FactChecker);
        forms.MapPost("/verdict", (HttpContext context, long id, CheckStore checks, RatingScale scale) =>
        {
            var form = context.Request.Form;
            return Done(id, () => checks.Decide(id, form["verdict"].ToString(), form["summary"].ToString(), form["analysis"].ToString(), scale, context.User.Actor()));
        }).RequireAuthorization(DeskRoles.Editor);
        forms.MapPost("/publish", (HttpContext context, long id, CheckStore checks, EarlierFactChecks earlier, RatingScale scale, DeskOptions options) =>
            Done(id, () => Publish(context, id, checks, earlier, scale, options))).RequireAuthorization(DeskRoles.Editor);
    }

    /// <summary>Publishes the check, adds it to the fact-check store and writes the public site again; returns the record its page shows.</summary>
    public static FactCheckRecord Publish(HttpContext context, long id, CheckStore checks, EarlierFactChecks earlier, RatingScale scale, DeskOptions options)
    {
        checks.Publish(id, context.User.Actor());
        var record = PublishedCheck.Record(checks.Get(id), scale, options.Publisher, BaseUrl(context));
        earlier.Add(options, record);
        PublishedCheck.WriteSite(checks.AllPublished(), scale, options.Publisher, BaseUrl(context), options.SiteDirectory);
        return record;
    }

    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>After a change, back to the check (post, redirect, get: reloading does not post again).</summary>
    private static IResult Done(long id, Action change, string anchor = "")
    {
        change();
        return TypedResults.Redirect($"/checks/{id}{anchor}");
    }

    /// <summary>How many checks each status shows on the checks page before its "all" link.</summary>
    public const int SectionSize = 20;

    public static string CheckList(IReadOnlyList<CheckRecord> checks)
    {
        if (checks.Count == 0) return "<p>None.</p>";
        var rows = string.Concat(checks.Select(c =>
            $"<li><a href=\"/checks/{c.Id}\">{E(c.Claim)}</a> <span class=\"status {E(c.Status)}\">{E(c.StatusName)}</span>" +
            $"{(c.Assignee is { } who ? $" <span class=\"meta\">assigned to {E(who)}</span>" : "")}{(c.Verdict is { } v ? $" <span class=\"meta\">verdict: {E(v)}</span>" : "")}</li>\n"));
        return $"<ul class=\"checks\">\n{rows}</ul>";
    }

    private static IResult CheckPage(HttpContext context, CheckRecord check, CheckStore checks, ArticleList articles, UserStore users, AuditLog audit, RatingScale scale,
        IReadOnlyList<EarlierFactCheck> earlier, Workflow workflow)
    {
        var user = context.User;
        var open = check.Status != CheckStatus.Published;
        var worker = user.Can(DeskRoles.FactChecker) && open;
        var editor = user.Can(DeskRoles.Editor) && open;
        var dossier = articles.Get(check.ArticleId).Analysis.Dossier;
        var body = new System.Text.StringBuilder();
        body.Append($"""
            <h1>Check {check.Id}</h1>
            <section aria-labelledby="claim-heading" class="claim-card"><h2 id="claim-heading">The claim</h2>
            <blockquote><p>{E(check.Claim)}</p></blockquote>
            <dl>
            <dt>Claimant</dt><dd>{E(check.Claimant ?? "not known")}{(check.ClaimantTitle is { } t ? $", {E(t)}" : "")}</dd>
            <dt>Article</dt><dd><a href="/articles/{check.ArticleId}#claims">{E(dossier.Title ?? $"Article {check.ArticleId}")}</a></dd>
            <dt>Status</dt><dd><span class="status {E(check.Status)}" id="status">{E(check.StatusName)}</span></dd>
            <dt>Assigned to</dt><dd>{E(check.Assignee ?? "nobody")}</dd>
            <dt>Opened</dt><dd>{E(check.CreatedBy)}, {When(check.CreatedAt)}</dd>
            </dl>
            </section>
            """);
        if (check.Status == CheckStatus.Published)
            body.Append($"<p class=\"notice\" role=\"status\">Published {When(check.PublishedAt)}: <a href=\"{PublishedCheck.PagePath(check.Id)}\">the public page</a>.</p>\n");
        if (worker)
        {
            var moves = string.Concat(workflow.NextByHand(check.Status).Select(s =>
                Form(context, $"/checks/{check.Id}/status", $"<input type=\"hidden\" name=\"status\" value=\"{E(s)}\"><button type=\"submit\">Move to {E(workflow.Name(s))}</button>", " class=\"inline\"")));
            var people = string.Concat(users.All().Where(u => u.Role != DeskRoles.Viewer).Select(u =>
                $"<option value=\"{E(u.Name)}\"{(u.Id == check.AssigneeId ? " selected" : "")}>{E(u.Name)} ({E(u.Role)})</option>"));
            body.Append($"""
                <section aria-labelledby="workflow"><h2 id="workflow">Workflow</h2>
                <p>{moves}</p>
                {Form(context, $"/checks/{check.Id}/assign", $"<label for=\"assignee\">Assign to</label> <select id=\"assignee\" name=\"assignee\"><option value=\"\">nobody</option>{people}</select> <button type=\"submit\">Assign</button>")}
                </section>
                """);
        }

        body.Append("<section aria-labelledby=\"help\"><h2 id=\"help\">What Factdesk found</h2>\n");
        body.Append(dossier.SuggestedVerdict is { } suggested
            ? $"<p>Suggested verdict: <strong>{E(suggested)}</strong>. {E(dossier.SuggestionExplanation)}</p>\n"
            : "<p>No suggested verdict: the article does not review this claim.</p>\n");
        body.Append(earlier.Count == 0
            ? "<p>No earlier fact-check in the store matches this claim.</p>\n"
            : "<h3>Earlier fact-checks</h3><ul class=\"earlier\">" + string.Concat(earlier.Select(m =>
                $"<li>{E(m.Claim)} <span class=\"meta\">{E(m.Verdict ?? "no verdict")} · {E(m.Publisher ?? "publisher not known")} · {E(m.Level)} match {m.Score.ToString("0.00", CultureInfo.InvariantCulture)}</span>" +
                $"{(SafeLink(m.Url) is { } u ? $" <a href=\"{E(u)}\" rel=\"external nofollow noreferrer\">read it</a>" : "")}</li>")) + "</ul>\n");
        body.Append("</section>\n");

        var evidence = checks.Evidence(check.Id);
        body.Append("<section aria-labelledby=\"evidence-heading\" id=\"evidence\"><h2 id=\"evidence-heading\">Evidence</h2>\n");
        body.Append(evidence.Count == 0 ? "<p>None yet.</p>\n" : "<ul>" + string.Concat(evidence.Select(e =>
            $"<li>{(SafeLink(e.Url) is { } u ? $"<a href=\"{E(u)}\" rel=\"external nofollow noreferrer\">{E(u)}</a>: " : "")}{E(e.Note)} <span class=\"meta\">{E(e.Author)}, {When(e.At)}</span></li>")) + "</ul>\n");
        if (worker)
            body.Append(Form(context, $"/checks/{check.Id}/evidence", """
                <p><label for="evidence-url">Link (optional)</label><br><input id="evidence-url" name="url" type="url" size="60"></p>
                <p><label for="evidence-note">What it shows</label><br><textarea id="evidence-note" name="note" rows="2" cols="60" required></textarea></p>
                <p><button type="submit">Add evidence</button></p>
                """, $" hx-post=\"/checks/{check.Id}/evidence\" hx-target=\"#evidence\" hx-select=\"#evidence\" hx-swap=\"outerHTML\""));
        body.Append("</section>\n");

        // A busy check gathers thousands of comments: the page shows the newest ones, older ones a page at a time.
        var commentPaging = Paging.From(context, "comments");
        var comments = checks.Comments(check.Id, commentPaging.Probe, commentPaging.Offset);
        var olderComments = commentPaging.Links($"/checks/{check.Id}", comments.Reverse().ToList(), "comments", "#comments");
        var shown = comments.Count > commentPaging.Size ? comments.Skip(1).ToList() : comments;
        body.Append("<section aria-labelledby=\"comments-heading\" id=\"comments\"><h2 id=\"comments-heading\">Comments</h2>\n");
        body.Append(olderComments);
        body.Append(shown.Count == 0 ? "<p>None yet.</p>\n" : "<ol class=\"comments\">" + string.Concat(shown.Select(c =>
            $"<li><p class=\"meta\">{E(c.Author)}, {When(c.At)}</p><p class=\"comment\">{E(c.Text)}</p></li>")) + "</ol>\n");
        if (user.Can(DeskRoles.FactChecker))
            body.Append(Form(context, $"/checks/{check.Id}/comments", """
                <p><label for="comment">Comment</label><br><textarea id="comment" name="text" rows="3" cols="60" required></textarea></p>
                <p><button type="submit">Add the comment</button></p>
                """, $" hx-post=\"/checks/{check.Id}/comments\" hx-target=\"#comments\" hx-select=\"#comments\" hx-swap=\"outerHTML\""));
        body.Append("</section>\n");

        body.Append("<section aria-labelledby=\"verdict-heading\"><h2 id=\"verdict-heading\">Verdict</h2>\n");
        body.Append(check.Verdict is { } verdict
            ? $"<p>Verdict: <strong class=\"verdict\">{E(verdict)}</strong></p><p>{E(check.Summary)}</p>{(check.Analysis is { } a ? $"<details><summary>Analysis (Markdown)</summary><pre class=\"analysis\">{E(a)}</pre></details>" : "")}\n"
            : "<p>No verdict yet.</p>\n");
        if (editor)
        {
            var labels = string.Concat(scale.Labels.Reverse().Select(l =>
                $"<option value=\"{E(l.Name)}\"{(l.Name == check.Verdict ? " selected" : "")}>{E(l.Name)}</option>"));
            body.Append(Form(context, $"/checks/{check.Id}/verdict", $"""
                <p><label for="verdict">Verdict on the {E(scale.Name)} scale</label><br><select id="verdict" name="verdict">{labels}</select></p>
                <p><label for="summary">Summary (plain text)</label><br><textarea id="summary" name="summary" rows="3" cols="80" required>{E(check.Summary)}</textarea></p>
                <p><label for="analysis">Analysis (Markdown)</label><br><textarea id="analysis" name="analysis" rows="10" cols="80">{E(check.Analysis)}</textarea></p>
                <p><button type="submit">Save the verdict</button></p>
                """));
            if (check.Status == workflow.Review.Key && check.Verdict is not null)
                body.Append(Form(context, $"/checks/{check.Id}/publish", "<p><button type=\"submit\" class=\"primary\">Publish</button></p>"));
            else
                body.Append($"<p class=\"meta\">Publishing needs a verdict, a summary and the status {E(workflow.Review.Name)}.</p>\n");
        }
        body.Append("</section>\n");

        var history = audit.Recent(check.Id, HistorySize + 1);
        var allHistory = history.Count > HistorySize && user.Can(DeskRoles.Admin) ? $"<p><a href=\"/audit?check={check.Id}\">The whole history</a></p>" : "";
        body.Append($"<section aria-labelledby=\"history\"><h2 id=\"history\">History</h2>\n{AccountEndpoints.AuditTable(history.Take(HistorySize).ToList())}\n{allHistory}</section>\n");
        return Page(context, $"Check {check.Id}", body.ToString());
    }

    /// <summary>How many of the newest history entries the check page shows.</summary>
    public const int HistorySize = 50;

    public static string? SafeLink(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
