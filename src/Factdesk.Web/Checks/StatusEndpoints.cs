using System.Globalization;
using Factdesk.Web.Accounts;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Checks;

/// <summary>The admin's page of the workflow's statuses: rename any, add new ones between New and Published.</summary>
public static class StatusEndpoints
{
    public static void MapStatuses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statuses", (HttpContext context, StatusStore statuses, CheckStore checks) => StatusesPage(context, statuses, checks, null))
            .RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/statuses", (HttpContext context, StatusStore statuses, CheckStore checks) =>
        {
            var form = context.Request.Form;
            statuses.Add(form["name"].ToString(), form["after"].ToString(), context.User.Actor());
            return StatusesPage(context, statuses, checks, $"Status {form["name"].ToString().Trim()} added.");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/statuses/{key}/name", (HttpContext context, string key, StatusStore statuses) =>
        {
            statuses.Rename(key, context.Request.Form["name"].ToString(), context.User.Actor());
            return TypedResults.Redirect("/statuses");
        }).RequireAuthorization(DeskRoles.Admin);
    }

    private static IResult StatusesPage(HttpContext context, StatusStore statuses, CheckStore checks, string? done)
    {
        var workflow = statuses.Workflow;
        var counts = checks.CountByStatus();
        var rows = string.Concat(workflow.All.Select((s, i) =>
        {
            var role = s.Key == CheckStatus.New ? "where checks start" : s.Key == CheckStatus.Published ? "set by publishing" : s == workflow.Review ? "publishing starts here" : "";
            var rename = Form(context, $"/statuses/{Uri.EscapeDataString(s.Key)}/name",
                $"<label class=\"hidden-label\" for=\"name-{E(s.Key)}\">New name for {E(s.Name)}</label><input id=\"name-{E(s.Key)}\" name=\"name\" value=\"{E(s.Name)}\" required maxlength=\"{StatusStore.MaxNameLength}\"> <button type=\"submit\">Rename</button>",
                " class=\"inline\"");
            return $"<tr><td>{(i + 1).ToString(CultureInfo.InvariantCulture)}</td><td><span class=\"status {E(s.Key)}\">{E(s.Name)}</span></td><td class=\"meta\">{role}</td>" +
                   $"<td><a href=\"/checks?status={Uri.EscapeDataString(s.Key)}\">{counts.GetValueOrDefault(s.Key).ToString(CultureInfo.InvariantCulture)}</a></td><td>{rename}</td></tr>\n";
        }));
        var after = string.Concat(workflow.All.Where(s => s.Key != CheckStatus.Published).Select(s =>
            $"<option value=\"{E(s.Key)}\"{(s == workflow.Review ? " selected" : "")}>{E(s.Name)}</option>"));
        var add = Form(context, "/statuses", $"""
            <p><label for="status-name">Name</label><br><input id="status-name" name="name" required maxlength="{StatusStore.MaxNameLength}"></p>
            <p><label for="status-after">Comes after</label><br><select id="status-after" name="after">{after}</select></p>
            <p><button type="submit">Add the status</button></p>
            """);
        var notice = done is null ? "" : $"<p class=\"notice\" role=\"status\">{E(done)}</p>";
        return Page(context, "Statuses", $"""
            <h1>Statuses</h1>
            {notice}
            <p>A check moves one status forward, or back to any earlier status but the first. Publishing (an editor, with a
            verdict) needs the status just before Published and moves the check to Published.</p>
            <table><thead><tr><th>#</th><th>Status</th><th>Role</th><th>Checks</th><th>Name</th></tr></thead><tbody>
            {rows}</tbody></table>
            <h2>Add a status</h2>
            {add}
            """);
    }
}
