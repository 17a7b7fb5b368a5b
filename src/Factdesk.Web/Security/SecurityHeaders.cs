namespace Factdesk.Web.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts and styles from the desk's own files only:
/// no inline script or style, so even markup that slipped past encoding could not run. JSON-LD blocks are data, not
/// script, and are unaffected.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Desk pages show unpublished work: no shared cache keeps them.
            if (!context.Request.Path.StartsWithSegments("/assets") && !context.Request.Path.StartsWithSegments("/site"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
