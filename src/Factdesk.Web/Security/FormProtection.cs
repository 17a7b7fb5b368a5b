using Factdesk.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Factdesk.Web.Security;

/// <summary>
/// Every form post to the desk's pages must carry the anti-forgery token of the signed-in session: checked here, once,
/// before any endpoint runs, so a new form cannot forget it. The REST API under /api takes no cookies (only API
/// tokens), so a forged cross-site request has nothing to ride on there.
/// </summary>
public static class FormProtection
{
    /// <summary>The largest form the desk reads: an uploaded article with room for its other fields.</summary>
    public const int MaxFormBytes = Articles.DeskAnalysis.MaxArticleBytes + 64 * 1024;

    public static IApplicationBuilder UseFormProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > MaxFormBytes)
        {
            await TooLarge(context);
            return;
        }
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await Markup.Problem(context, StatusCodes.Status400BadRequest, "Form refused",
                "This form did not come from this desk or has expired. Reload the page and try again.").ExecuteAsync(context);
            return;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // The form reader stops at its limits (a huge upload, too many fields) before reading it all.
            await TooLarge(context);
            return;
        }
        await next(context);
    });

    private static Task TooLarge(HttpContext context) =>
        Markup.Problem(context, StatusCodes.Status413PayloadTooLarge, "Too large",
            $"The form is larger than the desk takes ({Articles.DeskAnalysis.MaxArticleBytes / 1024 / 1024} MB for an article).").ExecuteAsync(context);
}
