using System.Text.Json.Nodes;
using Factdesk.Ingestion.Batch;
using Factdesk.Publishing;
using Factdesk.Web.Accounts;
using Factdesk.Web.Alerts;
using Factdesk.Web.Articles;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using Factdesk.Web.Search;
using Factdesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Factdesk.Web.Api;

public sealed record ArticleSubmission(string? Text, string? Format);

public sealed record Submitted(long Id, string Status);

public sealed record CheckOpening(long ArticleId, int Claim);

public sealed record Opened(long Id);

public sealed record StatusChange(string? Status);

public sealed record NewComment(string? Text);

public sealed record VerdictDecision(string? Verdict, string? Summary, string? Analysis);

public sealed record NewStatus(string? Name, string? After);

public sealed record StatusName(string? Name);

/// <summary>One check with the newest <see cref="Pages.Paging.DefaultSize"/> comments (all of them through /comments) and history entries.</summary>
public sealed record CheckDetail(
    CheckRecord Check, int CommentCount, IReadOnlyList<CheckComment> Comments, IReadOnlyList<CheckEvidence> Evidence, IReadOnlyList<EarlierFactCheck> Earlier, IReadOnlyList<AuditEntry> History);

public sealed record Publication(string Url, JsonObject ClaimReview);

/// <summary>
/// The REST API under /api: the same operations as the pages, for scripts, signed in with an API token only.
/// Described by the OpenAPI document at /openapi/v1.json.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The policy name for API callers holding at least <paramref name="role"/>.</summary>
    public static string Policy(string role) => $"api:{role}";

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("desk").ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/articles", (HttpContext context, ArticleList articles) =>
            {
                var paging = Paging.From(context);
                return TypedResults.Ok(articles.Newest(paging.Size, paging.Offset));
            })
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("The newest articles, a page at a time (?page=1&size=50, size up to 500)");

        api.MapGet("/articles/{id:long}", (long id, ArticleList articles) =>
            TypedResults.Bytes(articles.Get(id).Analysis.JsonUtf8, "application/json; charset=utf-8"))
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("An article's dossier (the dossier JSON contract)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapPost("/articles", Results<Created<Submitted>, Ok<Submitted>> (ArticleSubmission body, HttpContext context, DeskAnalysis analysis, DeskOptions options, AuditLog audit, ArticleList articles) =>
        {
            if (string.IsNullOrWhiteSpace(body.Text)) throw DeskProblem.Invalid("\"text\" is required: the article's text or HTML.");
            if (body.Text.Length > DeskAnalysis.MaxArticleBytes) throw ArticleEndpoints.TooLarge();
            bool? html = body.Format switch { "html" => true, "text" => false, null or "auto" => null, _ => throw DeskProblem.Invalid("\"format\" is text, html or auto.") };
            var outcome = analysis.Submit(options, "the submitted article", DeskAnalysis.Pasted(body.Text, html));
            if (outcome.Status == IngestStatus.Failed || outcome.Id is not { } id)
                throw DeskProblem.Invalid($"The article could not be read: {outcome.Reason}");
            articles.Get(id).Analysis.Prepare();
            if (outcome.Status == IngestStatus.AlreadyStored)
                return TypedResults.Ok(new Submitted(id, "already stored"));
            audit.Record(null, context.User.Actor(), "article submitted", id, detail: "API");
            return TypedResults.Created($"/api/articles/{id}", new Submitted(id, "stored"));
        }).RequireAuthorization(Policy(DeskRoles.FactChecker)).WithSummary("Submit an article for analysis").Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/checks", (HttpContext context, CheckStore checks, string? status) =>
            {
                var paging = Paging.From(context);
                return TypedResults.Ok(checks.Recent(paging.Size, paging.Offset, status));
            })
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("The checks, most recently changed first, a page at a time (?page=1&size=50; ?status=KEY for one status)");

        api.MapGet("/checks/{id:long}", (long id, CheckStore checks, AuditLog audit, EarlierFactChecks earlier, DeskOptions options) =>
            {
                var check = checks.Get(id);
                return TypedResults.Ok(new CheckDetail(check, checks.CommentCount(id), checks.Comments(id, Paging.DefaultSize), checks.Evidence(id),
                    earlier.For(options, check), audit.Recent(id, Paging.DefaultSize)));
            })
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("One check with its comments, evidence and history").Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapPost("/checks", (CheckOpening body, HttpContext context, CheckStore checks) =>
        {
            var id = checks.Open(body.ArticleId, body.Claim, context.User.Actor());
            return TypedResults.Created($"/api/checks/{id}", new Opened(id));
        }).RequireAuthorization(Policy(DeskRoles.FactChecker)).WithSummary("Open a check on a claim of an article's dossier (by its index)");

        api.MapPost("/checks/{id:long}/status", (long id, StatusChange body, HttpContext context, CheckStore checks) =>
        {
            checks.SetStatus(id, body.Status ?? "", context.User.Actor());
            return TypedResults.Ok(checks.Get(id));
        }).RequireAuthorization(Policy(DeskRoles.FactChecker)).WithSummary("Move a check to another status (a key from /api/statuses) the workflow allows")
            .Produces<ApiError>(StatusCodes.Status409Conflict);

        api.MapGet("/alerts", (HttpContext context, AlertList alerts) =>
            {
                var paging = Paging.From(context);
                return TypedResults.Ok(alerts.Newest(paging.Size, paging.Offset));
            })
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("The monitoring workers' alerts (claims matching a fact-check rated false), newest first, a page at a time (?page=1&size=50)");

        api.MapGet("/statuses", (StatusStore statuses) => TypedResults.Ok(statuses.Workflow.All))
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("The workflow's statuses in order: new first, published last");

        api.MapPost("/statuses", (NewStatus body, HttpContext context, StatusStore statuses) =>
        {
            var key = statuses.Add(body.Name, body.After, context.User.Actor());
            return TypedResults.Created($"/api/statuses/{key}", statuses.Workflow.All);
        }).RequireAuthorization(Policy(DeskRoles.Admin)).WithSummary("Add a status right after another (by key; not after published)")
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status409Conflict);

        api.MapPost("/statuses/{key}/name", (string key, StatusName body, HttpContext context, StatusStore statuses) =>
        {
            statuses.Rename(key, body.Name, context.User.Actor());
            return TypedResults.Ok(statuses.Workflow.All);
        }).RequireAuthorization(Policy(DeskRoles.Admin)).WithSummary("Rename a status; its key, and what it means to the workflow, stay")
            .Produces<ApiError>(StatusCodes.Status404NotFound).Produces<ApiError>(StatusCodes.Status409Conflict);

        api.MapGet("/search", (string? q, DeskSearch search) => TypedResults.Ok(search.Find(q)))
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("Search the desk's checks, the claims of its articles, the stored fact-checks and the claimants")
            .Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/checks/{id:long}/comments", (long id, HttpContext context, CheckStore checks) =>
            {
                checks.Get(id);
                var paging = Paging.From(context);
                return TypedResults.Ok(checks.Comments(id, paging.Size, paging.Offset));
            })
            .RequireAuthorization(Policy(DeskRoles.Viewer)).WithSummary("A check's comments, newest page first (?page=1&size=50), each page in the order written")
            .Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapPost("/checks/{id:long}/comments", (long id, NewComment body, HttpContext context, CheckStore checks) =>
        {
            checks.Comment(id, body.Text, context.User.Actor());
            return TypedResults.Ok(checks.Comments(id, Paging.DefaultSize));
        }).RequireAuthorization(Policy(DeskRoles.FactChecker)).WithSummary("Comment on a check; answers with the newest comments");

        api.MapPost("/checks/{id:long}/verdict", (long id, VerdictDecision body, HttpContext context, CheckStore checks, RatingScale scale) =>
        {
            checks.Decide(id, body.Verdict, body.Summary, body.Analysis, scale, context.User.Actor());
            return TypedResults.Ok(checks.Get(id));
        }).RequireAuthorization(Policy(DeskRoles.Editor)).WithSummary("Set the verdict (a label of the active scale), summary and analysis");

        api.MapPost("/checks/{id:long}/publish", (long id, HttpContext context, CheckStore checks, EarlierFactChecks earlier, RatingScale scale, DeskOptions options) =>
        {
            var record = CheckEndpoints.Publish(context, id, checks, earlier, scale, options);
            return TypedResults.Ok(new Publication(record.Url!, PublishedCheck.ClaimReview(record)));
        }).RequireAuthorization(Policy(DeskRoles.Editor)).WithSummary("Publish a check in review: its public page and ClaimReview").Produces<ApiError>(StatusCodes.Status409Conflict);
    }
}
