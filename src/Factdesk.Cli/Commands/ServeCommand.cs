using System.CommandLine;
using Factdesk.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk serve`: the desk (web pages and REST API) on the same database the other commands use.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';')",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
            HelpName = "URLS",
        };
        var database = DatabaseOption.Create("The database the desk works on: a SQLite file (created when missing) or a PostgreSQL connection string");
        var site = new Option<string?>("--site")
        {
            Description = "The folder of the public site the desk writes at each publish (default: beside a SQLite file, ./factdesk-site for PostgreSQL)",
            HelpName = "DIR",
        };
        var scale = ScaleOption.Create("picked on");
        var behindProxy = new Option<bool>("--behind-proxy")
        {
            Description = "Take the client's address and scheme from X-Forwarded-For/-Proto (for sign-in limits and the audit log); " +
                          "only when the desk is reachable through the proxy alone",
        };
        var command = new Command("serve", "Run the desk: sign in, submit articles, work on checks and publish them, in a browser or through the REST API")
        {
            urls, database, site, scale, behindProxy,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(database)!;
            // Opened (and migrated) once here, so a bad path or an unreachable server fails now with one line rather than on the first request.
            Storage.StoreFactory.OpenArticles(path).Dispose();
            await using var app = DeskHost.Build([], builder =>
            {
                builder.WebHost.UseUrls(parse.GetValue(urls)!);
                builder.Configuration["Desk:Database"] = path;
                builder.Configuration["Desk:Scale"] = parse.GetValue(scale)!;
                if (parse.GetValue(site) is { } folder) builder.Configuration["Desk:Site"] = folder;
                if (parse.GetValue(behindProxy)) builder.Configuration["Desk:BehindProxy"] = "true";
            });
            // A connection string may hold a password: it is shown without it.
            var shown = Storage.StoreFactory.Shown(path);
            parse.InvocationConfiguration.Output.WriteLine($"Factdesk desk on {parse.GetValue(urls)} with {shown}; Ctrl+C stops it.");
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
