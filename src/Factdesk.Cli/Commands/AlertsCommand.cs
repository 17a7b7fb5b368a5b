using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Factdesk.Cli.Rendering;
using Factdesk.Monitoring;
using Factdesk.Storage;
using NATS.Client.JetStream;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk alerts`: the newest alerts the workers recorded; `factdesk deadletters`: the jobs they gave up on.</summary>
internal static class AlertsCommand
{
    public static Command CreateAlerts()
    {
        var database = DatabaseOption.Create("The database the workers store into");
        var top = new Option<int>("--top") { Description = "At most this many alerts, newest first", DefaultValueFactory = _ => 50, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the alerts as JSON Lines" };
        var command = new Command("alerts", "List the alerts the monitoring workers raised: article claims that match a fact-check rated false")
        {
            database, top, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            DatabaseOption.OpenExistingArticles(path).Dispose();
            using var store = StoreFactory.OpenAlerts(path);
            var alerts = store.Latest(parse.GetValue(top));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                foreach (var a in alerts)
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = a.Id, articleId = a.ArticleId, createdAt = a.CreatedAt, articleClaim = a.Alert.ArticleClaim, factCheckId = a.Alert.FactCheckId,
                        factCheckClaim = a.Alert.FactCheckClaim, verdict = a.Alert.Verdict, url = a.Alert.Url, score = a.Alert.Score,
                    }));
                }
            }
            else if (alerts.Count == 0)
                output.WriteLine("No alerts.");
            else
            {
                var table = new Table().AddColumn("when").AddColumn("article").AddColumn("claim in the article").AddColumn("fact-check")
                    .AddColumn("verdict").AddColumn(new TableColumn("score").RightAligned());
                foreach (var a in alerts)
                {
                    table.AddRow(a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), a.ArticleId.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(a.Alert.ArticleClaim), Markup.Escape(a.Alert.FactCheckClaim + (a.Alert.Url is { } u ? "\n" + u : "")),
                        Markup.Escape(a.Alert.Verdict ?? ""), a.Alert.Score.ToString("0.000", CultureInfo.InvariantCulture));
                }
                Terminal.For(output).Write(table);
            }
            output.Flush();
            return 0;
        });
        return command;
    }

    public static Command CreateDeadLetters()
    {
        var nats = new NatsOptions();
        var command = new Command("deadletters", "List the jobs the monitoring pipeline gave up on, with the reason");
        foreach (var option in nats.All) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var streams = nats.Streams(parse);
            await using var connection = nats.Connect(parse, "factdesk-deadletters");
            var js = new NatsJSContext(connection);
            await Streams.Ensure(js, streams, TextWriter.Null, cancellationToken, giveUpAfter: TimeSpan.FromSeconds(10));
            var output = parse.InvocationConfiguration.Output;
            var letters = await DeadLetters.ReadAllAsync(js, streams, cancellationToken);
            foreach (var letter in letters)
                await output.WriteLineAsync($"{letter.Stage}\t{letter.Deliveries}\t{letter.Source}\t{letter.Error}");
            await output.WriteLineAsync($"{letters.Count} dead letter(s)");
            return 0;
        });
        return command;
    }
}
