using System.Globalization;
using Factdesk.Ingestion.Batch;
using Factdesk.Web.Accounts;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Articles;

/// <summary>The desk's front page, submitting an article, and an article's dossier with its highlights.</summary>
public static class ArticleEndpoints
{
    public static void MapArticles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, ArticleList articles, CheckStore checks) =>
        {
            var paging = Paging.From(context);
            var read = articles.Newest(paging.Probe, paging.Offset);
            var rows = string.Concat(paging.Rows(read).Select(a =>
                $"<li><a href=\"/articles/{a.Id}\">{E(a.Title ?? $"Article {a.Id}")}</a> <span class=\"meta\">{When(a.IngestedAt)} · {a.Checks} check(s)</span></li>\n"));
            var open = paging.Number == 1 ? $"<h2>Open checks</h2>\n{CheckEndpoints.CheckList(checks.Recent(20, unpublished: true))}\n<p><a href=\"/checks\">All checks</a></p>\n" : "";
            return Page(context, "Desk", $"""
                <h1>Desk</h1>
                {open}
                <h2>Articles</h2>
                {(rows.Length == 0 ? "<p>No articles yet.</p>" : $"<ul class=\"articles\">\n{rows}</ul>")}
                {paging.Links("/", read)}
                """);
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapGet("/articles/new", (HttpContext context) => Page(context, "Submit an article", SubmitForm(context)))
            .RequireAuthorization(DeskRoles.FactChecker);

        app.MapPost("/articles", async (HttpContext context, DeskAnalysis analysis, DeskOptions options, AuditLog audit, ArticleList articles) =>
        {
            var form = context.Request.Form;
            var file = form.Files["file"];
            var format = form["format"].ToString();
            bool? html = format switch { "html" => true, "text" => false, _ => null };
            Func<Documents.Document> load;
            string name;
            if (file is { Length: > 0 })
            {
                if (file.Length > DeskAnalysis.MaxArticleBytes) throw TooLarge();
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                name = Path.GetFileName(file.FileName);
                load = DeskAnalysis.Uploaded(buffer.ToArray(), name);
            }
            else
            {
                var text = form["text"].ToString();
                if (text.Length > DeskAnalysis.MaxArticleBytes) throw TooLarge();
                if (string.IsNullOrWhiteSpace(text)) throw DeskProblem.Invalid("Paste the article's text or HTML, or choose a file to upload.");
                name = "the pasted article";
                load = DeskAnalysis.Pasted(text, html);
            }
            var outcome = analysis.Submit(options, name, load);
            if (outcome.Status == IngestStatus.Failed || outcome.Id is not { } id)
                throw DeskProblem.Invalid($"The article could not be read: {outcome.Reason}");
            if (outcome.Status != IngestStatus.AlreadyStored)
                audit.Record(null, context.User.Actor(), "article submitted", id, detail: name);
            articles.Get(id).Analysis.Prepare();
            return TypedResults.Redirect($"/articles/{id}");
        }).RequireAuthorization(DeskRoles.FactChecker);

        app.MapGet("/articles/{id:long}", (HttpContext context, long id, ArticleList articles, CheckStore checks) =>
        {
            var (summary, analysis) = articles.Get(id);
            return DossierPage(context, summary, analysis, checks);
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapPost("/articles/{id:long}/checks", (HttpContext context, long id, CheckStore checks) =>
        {
            if (!int.TryParse(context.Request.Form["claim"], NumberStyles.None, CultureInfo.InvariantCulture, out var claim))
                throw DeskProblem.Invalid("Say which claim to check.");
            return TypedResults.Redirect($"/checks/{checks.Open(id, claim, context.User.Actor())}");
        }).RequireAuthorization(DeskRoles.FactChecker);
    }

    private const string TokenSlot = "<token>";

    public static DeskProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The article is larger than the {DeskAnalysis.MaxArticleBytes / 1024 / 1024} MB the desk takes.");

    private static string SubmitForm(HttpContext context) =>
        "<h1>Submit an article</h1>\n" + Form(context, "/articles", """
            <p><label for="text">Paste the article (text or HTML)</label><br><textarea id="text" name="text" rows="16" cols="80"></textarea></p>
            <fieldset><legend>What is pasted</legend>
            <label><input type="radio" name="format" value="auto" checked> Tell from the content</label>
            <label><input type="radio" name="format" value="text"> Plain text</label>
            <label><input type="radio" name="format" value="html"> HTML</label></fieldset>
            <p><label for="file">Or upload a file (.html, .htm, .txt, .md; up to 2 MB)</label><br><input id="file" name="file" type="file" accept=".html,.htm,.txt,.md,text/html,text/plain,text/markdown"></p>
            <p><button type="submit">Analyse the article</button></p>
            """, " enctype=\"multipart/form-data\"");

    private static IResult DossierPage(HttpContext context, ArticleSummary summary, AnalysedArticle analysis, CheckStore checks)
    {
        var id = summary.Id;
        var dossier = analysis.Dossier;
        var canCheck = context.User.Can(DeskRoles.FactChecker);
        var opened = checks.List(id);
        // The claim list is the same for every reader but for the form token: it is made once per state of the article's
        // checks (and whether the reader may open one) with a stand-in for the token, which user text, always encoded,
        // cannot contain; each request only puts its token in.
        var state = string.Join("\u001e", opened.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ClaimStart}\u001f{c.ClaimEnd}\u001f{c.Id}\u001f{c.StatusName}"))) + (canCheck ? "+" : "-");
        var claims = analysis.ClaimList(state, () =>
        {
            var checkOf = opened.ToDictionary(c => (c.ClaimStart, c.ClaimEnd));
            return string.Concat(dossier.Claims.OrderByDescending(c => c.Score).Select(c =>
            {
                var claimant = c.Claimant is { Label.Length: > 0 } who ? $" <span class=\"meta\">({E(who.Label)})</span>" : "";
                var action = checkOf.TryGetValue((c.Start, c.End), out var check)
                    ? $"<a href=\"/checks/{check.Id}\">Check {check.Id}: {E(check.StatusName)}</a>"
                    : canCheck ? Form(TokenSlot, $"/articles/{id}/checks", $"<input type=\"hidden\" name=\"claim\" value=\"{c.Index}\"><button type=\"submit\">Open a check</button>", " class=\"inline\"") : "";
                return $"<li><a href=\"#claim-{c.Index}\">{E(c.Text)}</a>{claimant} <span class=\"score\">{c.Score.ToString("0.00", CultureInfo.InvariantCulture)}</span> {action}</li>\n";
            })).Split(TokenSlot);
        });
        var source = summary.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<p class=\"meta\">From <a href=\"{E(url)}\" rel=\"external nofollow noreferrer\">{E(url)}</a></p>" : "";
        var top = $"""
            <h1>{E(dossier.Title ?? $"Article {id}")}</h1>
            {source}
            <p class="meta">Submitted {When(summary.IngestedAt)}. <a href="/api/articles/{id}">Dossier JSON (API)</a></p>
            <p class="legend"><mark class="quote">quote</mark> <span class="speaker">speaker</span> <span class="claim">check-worthy claim</span> <span class="entity person">entity</span></p>
            <div class="dossier">
            <section aria-labelledby="text"><h2 id="text">Text</h2>

            """;
        const string middle = """

            </section>
            <aside>
            <section aria-labelledby="claims"><h2 id="claims">Check-worthy claims</h2>

            """;
        // The claim list goes to the response in its cached pieces with the token between them: at 90 claims it is
        // 70,000 characters, which as one string per request would land on the large-object heap.
        var parts = new List<object> { top, analysis.TextHtml, middle };
        if (claims is [{ Length: 0 }]) parts.Add("<p>None found.</p>");
        else
        {
            var token = System.Text.Encoding.UTF8.GetBytes(Token(context));
            parts.Add("<ol class=\"claims\">\n");
            for (var i = 0; i < claims.Length; i++)
            {
                if (i > 0) parts.Add(token);
                parts.Add(claims[i]);
            }
            parts.Add("</ol>");
        }
        parts.Add("\n</section>\n");
        parts.Add(analysis.SidebarHtml);
        parts.Add("\n</aside>\n</div>");
        return Page(context, dossier.Title ?? $"Article {id}", parts.ToArray());
    }

}
