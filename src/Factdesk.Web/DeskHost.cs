using System.Threading.RateLimiting;
using Factdesk.Publishing;
using Factdesk.Web.Accounts;
using Factdesk.Web.Alerts;
using Factdesk.Web.Api;
using Factdesk.Web.Articles;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Factdesk.Web.Pages;
using Factdesk.Web.Search;
using Factdesk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;

namespace Factdesk.Web;

/// <summary>
/// The desk's composition root: every service, the security settings and the endpoints, in the order requests meet
/// them. Settings: Desk:Database (a SQLite file or a PostgreSQL connection string), Desk:Site (the public site's
/// folder), Desk:Scale (rating scale id or file), Desk:Publisher (the name on published fact-checks), Desk:LoginsPerMinute (sign-in attempts per client address), Desk:BehindProxy (true: the
/// client's address and scheme come from X-Forwarded-For/-Proto, set by the one proxy in front of the desk).
/// </summary>
public static class DeskHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Request-by-request framework logs would bury the desk's own warnings (refused sign-ins, errors).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection("Desk");
        var options = new DeskOptions(settings["Database"] ?? Factdesk.Storage.SqliteArticleStore.DefaultPath, settings["Publisher"] ?? "Factdesk", settings["Site"]);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(RatingScales.Get(settings["Scale"] ?? RatingScales.DefaultId));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeskAnalysis>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<EarlierFactChecks>();
        builder.Services.AddSingleton<DossierCache>();
        builder.Services.AddScoped<StatusStore>();
        builder.Services.AddScoped<DeskSearch>();
        builder.Services.AddSingleton<DeskConnections>();
        builder.Services.AddScoped(services => DeskDatabase.Borrowing(services.GetRequiredService<DeskConnections>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<UserStore>();
        builder.Services.AddScoped<SignIn>();
        builder.Services.AddScoped<ArticleList>();
        builder.Services.AddScoped<CheckStore>();
        builder.Services.AddScoped<AlertList>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "factdesk.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/denied";
                // The role in the cookie is what it was at sign-in; checking it against the account on every request
                // makes a changed role (or a removed account) count at once, not when the cookie expires.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var account = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                    var user = long.TryParse(account, out var id) ? context.HttpContext.RequestServices.GetRequiredService<UserStore>().Get(id) : null;
                    // A disabled account, a password reset or changed, or a new role ends the sessions signed in before it.
                    if (user is null || user.Disabled || user.Role != context.Principal!.Role() || user.SecurityStamp != context.Principal!.Stamp())
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.Name, null);
        // The same protector the cookie handler would make (so sessions survive the change), behind a short cache.
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IDataProtectionProvider, TimeProvider>((cookie, protection, clock) => cookie.TicketDataFormat = new RememberedTickets(
                new TicketDataFormat(protection.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2")), clock));
        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var role in DeskRoles.All)
            {
                authorization.AddPolicy(role, policy => policy
                    .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole(DeskRoles.AtLeast(role)));
                authorization.AddPolicy(ApiEndpoints.Policy(role), policy => policy
                    .AddAuthenticationSchemes(TokenAuthentication.Name).RequireRole(DeskRoles.AtLeast(role)));
            }
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "factdesk.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = "__token";
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = FormProtection.MaxFormBytes;
            form.ValueLengthLimit = FormProtection.MaxFormBytes;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = FormProtection.MaxFormBytes);
        var loginsPerMinute = settings.GetValue("LoginsPerMinute", 10);
        var behindProxy = settings.GetValue("BehindProxy", false);
        // Off by default: anyone can send the headers, and believing them would let a client pick the address its
        // sign-in attempts are counted under. Behind a proxy, the nearest hop (the proxy) is the one believed.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AccountEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (rejected, _) => new ValueTask(Markup.Problem(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                "Too many attempts", "Too many sign-in attempts from here; wait a minute and try again.").ExecuteAsync(rejected.HttpContext));
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Factdesk desk API";
            document.Info.Description = "Articles, dossiers and checks of a Factdesk desk. Every call needs an API token " +
                                        "(made on the account page) as \"Authorization: Bearer fdk_...\"; it acts with that user's role.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        if (behindProxy) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseErrorResponses();
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Response.ContentLength is null && context.Response.ContentType is null && !context.Request.Path.StartsWithSegments("/api"))
                await (context.Response.StatusCode == StatusCodes.Status404NotFound
                    ? Markup.Problem(context, StatusCodes.Status404NotFound, "Not found", "There is nothing at this address.")
                    : Markup.Problem(context, context.Response.StatusCode, "Refused", $"The desk refused this request (HTTP {context.Response.StatusCode}).")).ExecuteAsync(context);
        });
        // The public site: static files written at each publish, readable by anyone, with the same headers.
        Directory.CreateDirectory(options.SiteDirectory);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(options.SiteDirectory), RequestPath = "/site" });
        app.UseAuthentication();
        app.UseFormProtection();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        // The pages are for people; only the /api endpoints belong in the OpenAPI document.
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/assets/{file}", (string file) => Assets.Serve(file)).AllowAnonymous();
        // Browsers ask for it on every site; an empty answer keeps their consoles and the logs free of 404s.
        pages.MapGet("/favicon.ico", () => TypedResults.NoContent()).AllowAnonymous();
        pages.MapAccounts();
        pages.MapArticles();
        pages.MapChecks();
        pages.MapStatuses();
        pages.MapSearch();
        pages.MapAlerts();
        app.MapApi();
        return app;
    }
}
