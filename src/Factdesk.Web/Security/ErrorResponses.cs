using Factdesk.Ingestion;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;

namespace Factdesk.Web.Security;

/// <summary>
/// Turns a refused request into a clear answer: a page for people, a JSON body {"error": "..."} for the API.
/// Anything unexpected is logged and answered with a plain sentence; no stack trace ever reaches the client.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (DeskProblem problem) when (!context.Response.HasStarted)
        {
            await Answer(context, problem.Status, "Not done", problem.Message);
        }
        catch (InputException input) when (!context.Response.HasStarted)
        {
            await Answer(context, StatusCodes.Status400BadRequest, "Cannot read that", input.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Factdesk.Web")
                .LogError(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Answer(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                "The desk could not do that because of an internal error; it has been logged.");
        }
    });

    public static Task Answer(HttpContext context, int status, string title, string message)
    {
        context.Response.Clear();
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new ApiError(message));
        }
        return Markup.Problem(context, status, title, message).ExecuteAsync(context);
    }
}

/// <summary>The body of every API error: one sentence a caller can act on.</summary>
public sealed record ApiError(string Error);
