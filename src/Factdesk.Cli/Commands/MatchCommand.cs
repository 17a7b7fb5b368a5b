using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Factdesk.Cli.Rendering;
using Factdesk.Matching;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk match "claim"`: earlier fact-checks of a claim in the store, ordered by the reranker, levelled by the hybrid score.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var claim = new Argument<string>("claim") { Description = "The claim to look up, in quotes" };
        var top = new Option<int>("--top") { Description = "At most this many matches", DefaultValueFactory = _ => 5, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the matches as one JSON object" };
        var database = DatabaseOption.Create("The database holding imported fact-checks: a SQLite file or a PostgreSQL connection string");
        var thresholds = new ThresholdOptions();
        var reranker = new RerankerOption();
        var command = new Command("match", "Find earlier fact-checks of a claim among the imported ones")
        {
            claim, top, json, database, thresholds.Suggest, thresholds.Confident, reranker.Option,
        };
        command.SetAction(parse =>
        {
            var levels = thresholds.Read(parse);
            var model = reranker.Read(parse);
            var query = parse.GetValue(claim)!;
            var wanted = Math.Max(parse.GetValue(top), 0);
            var output = parse.InvocationConfiguration.Output;
            using var store = DatabaseOption.OpenExisting(parse.GetValue(database)!);
            var searchable = SearchTerms.Of(query).Count > 0;
            IReadOnlyList<StoreMatch> matches = [];
            if (searchable && store.Count() > 0)
            {
                using var encoder = SentenceEncoder.LoadForQueries();
                var search = new FactCheckSearch(store, encoder) { Reranker = model };
                matches = StoreMatch.Of(search, search.Search(query, wanted), levels);
            }
            if (parse.GetValue(json))
                WriteJson(output, query, matches);
            else
                WriteText(Terminal.For(output), matches, searchable, levels, wanted);
            output.Flush();
            return 0;
        });
        return command;
    }

    private static void WriteText(IAnsiConsole console, IReadOnlyList<StoreMatch> matches, bool searchable, MatchThresholds levels, int top)
    {
        if (!searchable)
        {
            console.WriteLine("The claim has no words or numbers to search by: no matches.");
            return;
        }
        if (matches.Count == 0)
        {
            console.WriteLine($"No earlier fact-check scores {levels.SuggestAbove.ToString("0.00", CultureInfo.InvariantCulture)} or more.");
            return;
        }
        var table = new Table().AddColumn(new TableColumn("score").RightAligned()).AddColumn("level").AddColumn("claim").AddColumn("verdict").AddColumn("publisher / url");
        foreach (var m in matches)
        {
            var fact = m.FactCheck.FactCheck;
            table.AddRow(
                m.Hit.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Level(m.Level),
                Markup.Escape(fact.Claim),
                Markup.Escape(fact.Verdict ?? ""),
                Markup.Escape(string.Join("\n", new[] { fact.Publisher, fact.Url }.Where(s => s is not null))));
        }
        console.Write(table);
        // Asked for ten and shown two, a fact-checker should know the rest were weak, not missing from the store.
        if (matches.Count < top)
            console.WriteLine($"{matches.Count} of the best {top} score {levels.SuggestAbove.ToString("0.00", CultureInfo.InvariantCulture)} or more (--suggest-above); the others are not shown.");
    }

    private static void WriteJson(TextWriter output, string query, IReadOnlyList<StoreMatch> matches)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("query", query);
            w.WriteStartArray("matches");
            foreach (var m in matches)
            {
                var fact = m.FactCheck.FactCheck;
                w.WriteStartObject();
                w.WriteNumber("id", m.FactCheck.Id);
                w.WriteNumber("score", Math.Round(m.Hit.Score, 4));
                if (m.Hit.Rerank is { } rerank) w.WriteNumber("rerank", Math.Round(rerank, 4));
                w.WriteString("level", Level(m.Level));
                w.WriteString("claim", fact.Claim);
                w.WriteString("title", fact.Title);
                w.WriteString("claimant", fact.Claimant);
                w.WriteString("verdict", fact.Verdict);
                w.WriteString("publisher", fact.Publisher);
                w.WriteString("url", fact.Url);
                w.WriteString("reviewDate", fact.ReviewDate);
                w.WriteString("sourceKey", fact.SourceKey);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Level(MatchLevel level) => level == MatchLevel.Confident ? "confident" : "suggest";
}
