using System.Buffers;
using System.Net;
using System.Text;
using Factdesk.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Factdesk.Web.Pages;

/// <summary>
/// The page frame of the desk and the two things every page needs: encoding text from the store, and the
/// anti-forgery field every form carries. Article text, names and comments are hostile input: they go through
/// <see cref="E"/> and nowhere else.
/// </summary>
public static class Markup
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>The hidden field with this session's anti-forgery token; the desk refuses a form post without it.</summary>
    public static string Token(HttpContext context)
    {
        // A page with a hundred forms (the claims of a long article) makes the field once, not once per form.
        if (context.Items[TokenKey] is string field) return field;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        field = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
        context.Items[TokenKey] = field;
        return field;
    }

    private static readonly object TokenKey = new();

    /// <summary>A form posting to <paramref name="action"/> with the token already in it.</summary>
    public static string Form(HttpContext context, string action, string inner, string attributes = "") =>
        Form(Token(context), action, inner, attributes);

    /// <summary>A form with <paramref name="tokenField"/> (the field, or a stand-in for it) in it.</summary>
    public static string Form(string tokenField, string action, string inner, string attributes) =>
        $"<form method=\"post\" action=\"{E(action)}\"{attributes}>{tokenField}{inner}</form>";

    public static ContentHttpResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(Head(context, title) + body + Tail, "text/html; charset=utf-8", statusCode: status);

    /// <summary>
    /// A page written to the response part by part: each part is a string or UTF-8 bytes made once and cached (the
    /// highlighted text of a long article, the pieces of its claim list). A 400 KB page is then never copied into one
    /// string per request, which would put it on the large-object heap and make the garbage collector work for every
    /// reader.
    /// </summary>
    public static IResult Page(HttpContext context, string title, params object[] parts) => new PageResult(Head(context, title), parts);

    private const string Tail = "\n</main>\n</body>\n</html>\n";

    private static string Head(HttpContext context, string title)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var nav = new List<string>();
        if (signedIn)
        {
            nav.Add("<a href=\"/\">Desk</a>");
            nav.Add("<a href=\"/checks\">Checks</a>");
            nav.Add("<a href=\"/alerts\">Alerts</a>");
            nav.Add("<a href=\"/search\">Search</a>");
            if (user.Can(DeskRoles.FactChecker)) nav.Add("<a href=\"/articles/new\">Submit an article</a>");
            if (user.Can(DeskRoles.Admin)) nav.Add("<a href=\"/users\">Users</a>");
            if (user.Can(DeskRoles.Admin)) nav.Add("<a href=\"/audit\">Audit log</a>");
            if (user.Can(DeskRoles.Admin)) nav.Add("<a href=\"/statuses\">Statuses</a>");
            nav.Add($"<a href=\"/account\">{E(user.Identity!.Name)} ({E(user.Role())})</a>");
        }
        // Apart from the links, so no separator dangles before it at the right edge.
        var signOut = signedIn ? Form(context, "/logout", "<button type=\"submit\" class=\"link\">Sign out</button>", " class=\"inline\"") : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}'>
            <title>{{E(title)}} · Factdesk</title>
            <link rel="stylesheet" href="/assets/desk.css">
            <script src="/assets/htmx.min.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><nav aria-label="Desk"><strong>Factdesk</strong> {{string.Join(" · ", nav)}}{{signOut}}</nav></header>
            <main id="main">

            """;
    }

    private sealed class PageResult(string head, object[] parts) : IResult
    {
        // Written into Kestrel's pipe without a flush per part (a page can have a hundred parts), flushed every so often.
        private const int FlushEvery = 64 * 1024;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "text/html; charset=utf-8";
            var writer = response.BodyWriter;
            long unflushed = 0;
            foreach (var part in parts.Prepend(head).Append(Tail))
            {
                if (part is byte[] bytes)
                {
                    writer.Write(bytes);
                    unflushed += bytes.Length;
                }
                else unflushed += Encoding.UTF8.GetBytes((part.ToString() ?? "").AsSpan(), writer);
                if (unflushed < FlushEvery) continue;
                await writer.FlushAsync(httpContext.RequestAborted);
                unflushed = 0;
            }
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }

    /// <summary>A page that says what went wrong in one sentence; never a stack trace.</summary>
    public static ContentHttpResult Problem(HttpContext context, int status, string title, string message) =>
        Page(context, title, $"<h1>{E(title)}</h1>\n<p class=\"error\" role=\"alert\">{E(message)}</p>\n<p><a href=\"/\">Back to the desk</a></p>", status);

    public static string When(DateTimeOffset? time) =>
        time is { } t ? $"<time datetime=\"{t.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{t.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time>" : "";
}
