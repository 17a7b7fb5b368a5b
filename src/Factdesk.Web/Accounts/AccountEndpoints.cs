using System.Globalization;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Accounts;

/// <summary>Signing in and out, one's own API tokens, and (for admins) the accounts and the audit log.</summary>
public static class AccountEndpoints
{
    public const string LoginRateLimit = "login";

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => LoginPage(context, returnUrl, null)).AllowAnonymous();

        app.MapPost("/login", async (HttpContext context, SignIn signIn, UserStore users, AuditLog audit, ILogger<SignIn> log) =>
        {
            var form = context.Request.Form;
            var name = form["name"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var (outcome, user) = signIn.Try(name, form["password"].ToString());
            // Every attempt goes into the audit log with the name typed and the client's address; the password never does.
            var typed = name.Trim() is { Length: > 0 } t ? (t.Length > 64 ? t[..64] : t) : "(no name)";
            var from = context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
            if (user is null)
            {
                log.LogWarning("Sign-in refused for {Name} from {Address}: {Outcome}", typed, from, outcome);
                audit.Record(null, new Actor(users.Find(typed)?.Id, typed), "sign-in refused", detail: $"{Describe(outcome)}, from {from}");
                var message = outcome switch
                {
                    SignInOutcome.LockedOut => $"Too many wrong passwords: this account is locked for {SignIn.LockoutTime.TotalMinutes:0} minutes.",
                    SignInOutcome.Disabled => "This account is disabled; ask an admin.",
                    _ => "Wrong name or password.",
                };
                return LoginPage(context, returnUrl, message, StatusCodes.Status401Unauthorized);
            }
            audit.Record(null, user.Actor, "signed in", detail: $"from {from}");
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DeskClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return (IResult)TypedResults.Redirect(LocalOnly(returnUrl));
        }).AllowAnonymous().RequireRateLimiting(LoginRateLimit);

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/login");
        }).AllowAnonymous();

        app.MapGet("/denied", (HttpContext context) =>
            Problem(context, StatusCodes.Status403Forbidden, "Not allowed", "Your role does not allow this.")).AllowAnonymous();

        app.MapGet("/account", (HttpContext context, UserStore users, string? changed) =>
                AccountPage(context, users, null, changed is null ? null : "Your password is changed; other sessions of your account have ended."))
            .RequireAuthorization(DeskRoles.Viewer);

        app.MapPost("/account/tokens", (HttpContext context, UserStore users) =>
        {
            var user = users.Get(context.User.Actor().Id!.Value) ?? throw DeskProblem.NotFound("such account");
            var secret = users.AddToken(user, context.Request.Form["name"].ToString());
            return AccountPage(context, users, secret);
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapPost("/account/password", async (HttpContext context, UserStore users) =>
        {
            var user = users.Get(context.User.Actor().Id!.Value) ?? throw DeskProblem.NotFound("such account");
            var changed = users.ChangePassword(user, context.Request.Form["current"].ToString(), context.Request.Form["password"].ToString());
            // The change ends every session of the account; this one carries on with the new stamp.
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DeskClaims.Principal(changed, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Redirect("/account?changed=1");
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapPost("/account/tokens/{id:long}/revoke", (HttpContext context, long id, UserStore users) =>
        {
            var user = users.Get(context.User.Actor().Id!.Value) ?? throw DeskProblem.NotFound("such account");
            users.RevokeToken(user, id);
            return TypedResults.Redirect("/account");
        }).RequireAuthorization(DeskRoles.Viewer);

        app.MapPost("/users/{id:long}/role", (HttpContext context, long id, UserStore users) =>
        {
            users.SetRole(id, context.Request.Form["role"].ToString(), context.User.Actor());
            return TypedResults.Redirect("/users");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/users/{id:long}/disable", (HttpContext context, long id, UserStore users) =>
        {
            users.SetDisabled(id, true, context.User.Actor());
            return TypedResults.Redirect("/users");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/users/{id:long}/enable", (HttpContext context, long id, UserStore users) =>
        {
            users.SetDisabled(id, false, context.User.Actor());
            return TypedResults.Redirect("/users");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/users/{id:long}/password", (HttpContext context, long id, UserStore users) =>
        {
            users.ResetPassword(id, context.Request.Form["password"].ToString(), context.User.Actor());
            return UsersPage(context, users, $"The password of {users.Get(id)!.Name} is reset; their sessions have ended.");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapGet("/users", (HttpContext context, UserStore users) => UsersPage(context, users, null))
            .RequireAuthorization(DeskRoles.Admin);

        app.MapPost("/users", (HttpContext context, UserStore users) =>
        {
            var form = context.Request.Form;
            var added = users.Add(form["name"].ToString(), form["role"].ToString(), form["password"].ToString(), context.User.Actor());
            return UsersPage(context, users, $"Account {added.Name} created as {added.Role}.");
        }).RequireAuthorization(DeskRoles.Admin);

        app.MapGet("/audit", (HttpContext context, AuditLog audit, long? check) =>
        {
            var paging = Paging.From(context);
            var read = audit.Recent(check, paging.Probe, paging.Offset);
            var title = check is { } id ? $"Audit log of check {id}" : "Audit log";
            var path = check is { } c ? $"/audit?check={c}" : "/audit";
            return Page(context, title, $"<h1>{E(title)}</h1>\n{AuditTable(paging.Rows(read))}\n{paging.Links(path, read)}");
        }).RequireAuthorization(DeskRoles.Admin);
    }

    private static string Describe(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "locked out",
        SignInOutcome.Disabled => "account disabled",
        _ => "wrong name or password",
    };

    /// <summary>Only a path on this desk: a crafted link must not send a user elsewhere after signing in.</summary>
    public static string LocalOnly(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\') ? url : "/";

    private static IResult LoginPage(HttpContext context, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>\n";
        var form = Form(context, "/login", $"""
            <input type="hidden" name="returnUrl" value="{E(LocalOnly(returnUrl))}">
            <p><label for="name">Name</label><br><input id="name" name="name" autocomplete="username" required maxlength="64"></p>
            <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Sign in</button></p>
            """);
        return Page(context, "Sign in", $"<h1>Sign in</h1>\n{message}{form}", status);
    }

    private static IResult AccountPage(HttpContext context, UserStore users, string? newSecret, string? done = null)
    {
        var actor = context.User.Actor();
        var tokens = users.Tokens(actor.Id!.Value);
        var shown = newSecret is null ? "" : $"""
            <div class="notice" role="status"><p>Your new API token (shown only now; copy it):</p><p><code class="token">{E(newSecret)}</code></p>
            <p>Use it as <code>Authorization: Bearer TOKEN</code> with the REST API under <code>/api</code>.</p></div>
            """;
        var list = tokens.Count == 0 ? "<p>No API tokens yet.</p>"
            : "<ul>" + string.Concat(tokens.Select(t => $"<li>{E(t.Name)}, made {When(t.CreatedAt)} " +
                Form(context, $"/account/tokens/{t.Id}/revoke", "<button type=\"submit\">Revoke</button>", " class=\"inline\"") + "</li>")) + "</ul>";
        var form = Form(context, "/account/tokens", """
            <p><label for="token-name">Token name</label><br><input id="token-name" name="name" maxlength="100" placeholder="e.g. newsroom script"></p>
            <p><button type="submit">Make an API token</button></p>
            """);
        var password = Form(context, "/account/password", $"""
            <p><label for="current">Current password</label><br><input id="current" name="current" type="password" autocomplete="current-password" required></p>
            <p><label for="new-password">New password (at least {UserStore.MinPasswordLength.ToString(CultureInfo.InvariantCulture)} characters)</label><br>
            <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="{UserStore.MinPasswordLength.ToString(CultureInfo.InvariantCulture)}"></p>
            <p><button type="submit">Change the password</button></p>
            """);
        var notice = done is null ? "" : $"<p class=\"notice\" role=\"status\">{E(done)}</p>";
        return Page(context, "Your account", $"""
            <h1>{E(actor.Name)}</h1>
            <p>Role: {E(context.User.Role())}</p>
            {notice}
            {shown}
            <h2>API tokens</h2>
            {list}
            {form}
            <p>The API is described at <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
            <h2>Password</h2>
            {password}
            """);
    }

    private static IResult UsersPage(HttpContext context, UserStore users, string? done)
    {
        string Roles(string selected) => string.Concat(DeskRoles.All.Select(r => $"<option value=\"{r}\"{(r == selected ? " selected" : "")}>{r}</option>"));
        var rows = string.Concat(users.All().Select(u =>
        {
            var state = u.Disabled ? "disabled" : u.LockedUntil is { } until && until > DateTimeOffset.UtcNow ? $"locked until {When(until)}" : "active";
            var toggle = u.Id == context.User.Actor().Id ? "<span class=\"meta\">you</span>" : Form(context, $"/users/{u.Id}/{(u.Disabled ? "enable" : "disable")}",
                $"<button type=\"submit\">{(u.Disabled ? "Enable" : "Disable")}<span class=\"hidden-label\"> {E(u.Name)}</span></button>", " class=\"inline\"");
            var reset = Form(context, $"/users/{u.Id}/password",
                $"<label class=\"hidden-label\" for=\"reset-{u.Id}\">New password for {E(u.Name)}</label><input id=\"reset-{u.Id}\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"{UserStore.MinPasswordLength.ToString(CultureInfo.InvariantCulture)}\" placeholder=\"new password\" size=\"14\"> <button type=\"submit\">Reset</button>",
                " class=\"inline\"");
            return $"<tr{(u.Disabled ? " class=\"disabled\"" : "")}><td>{E(u.Name)}</td><td>" +
                Form(context, $"/users/{u.Id}/role", $"<label class=\"hidden-label\" for=\"role-{u.Id}\">Role of {E(u.Name)}</label><select id=\"role-{u.Id}\" name=\"role\">{Roles(u.Role)}</select> <button type=\"submit\">Change</button>", " class=\"inline\"") +
                $"</td><td>{state}</td><td>{toggle}</td><td>{reset}</td></tr>\n";
        }));
        var roles = Roles(DeskRoles.Viewer);
        var form = Form(context, "/users", $"""
            <p><label for="new-name">Name</label><br><input id="new-name" name="name" required maxlength="64"></p>
            <p><label for="new-role">Role</label><br><select id="new-role" name="role">{roles}</select></p>
            <p><label for="new-password">Password (at least {UserStore.MinPasswordLength.ToString(CultureInfo.InvariantCulture)} characters)</label><br>
            <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="{UserStore.MinPasswordLength.ToString(CultureInfo.InvariantCulture)}"></p>
            <p><button type="submit">Add the account</button></p>
            """);
        var notice = done is null ? "" : $"<p class=\"notice\" role=\"status\">{E(done)}</p>";
        return Page(context, "Users", $"""
            <h1>Users</h1>
            {notice}
            <table><thead><tr><th>Name</th><th>Role</th><th>State</th><th>Access</th><th>Password</th></tr></thead><tbody>
            {rows}</tbody></table>
            <h2>Add an account</h2>
            {form}
            """);
    }

    public static string AuditTable(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return "<p>Nothing recorded yet.</p>";
        var rows = string.Concat(entries.Select(e =>
        {
            var what = e.CheckId is { } check ? $"<a href=\"/checks/{check}\">check {check}</a>" : e.ArticleId is { } article ? $"<a href=\"/articles/{article}\">article {article}</a>" : "";
            return $"<tr><td>{When(e.At)}</td><td>{E(e.UserName)}</td><td>{E(e.Action)}</td><td>{what}</td><td>{E(e.Detail)}</td></tr>\n";
        }));
        return $"<table class=\"audit\"><thead><tr><th>When</th><th>Who</th><th>What</th><th>On</th><th>Detail</th></tr></thead><tbody>\n{rows}</tbody></table>";
    }
}
