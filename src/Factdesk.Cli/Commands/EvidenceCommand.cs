using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Factdesk.Cli.Rendering;
using Factdesk.Documents;
using Factdesk.Evidence;
using Factdesk.Ingestion;
using Factdesk.Matching;
using Factdesk.Output;
using Spectre.Console;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk evidence "claim"`: passages of the ingested articles most related to a claim, with source, speaker and stance.</summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var claim = new Argument<string>("claim") { Description = "The claim to find evidence for, in quotes" };
        var top = new Option<int>("--top") { Description = "At most this many passages", DefaultValueFactory = _ => 5, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the passages as one JSON object" };
        var database = DatabaseOption.Create("The database holding ingested articles: a SQLite file or a PostgreSQL connection string");
        var command = new Command("evidence", "Find the passages of the ingested articles most related to a claim, with their stance")
        {
            claim, top, json, database,
        };
        command.SetAction(parse =>
        {
            var query = parse.GetValue(claim)!;
            // Unlike match, an empty claim is refused: every passage would be "unrelated" to it, which reads as evidence.
            if (SearchTerms.Of(query).Count == 0)
                throw new InputException("the claim", "has no words or numbers to search by");
            var output = parse.InvocationConfiguration.Output;
            using var store = DatabaseOption.OpenExistingArticles(parse.GetValue(database)!);
            var articles = store.Count();
            IReadOnlyList<EvidenceHit> hits = articles == 0 ? [] : new EvidenceSearch(store, SourceStance.Default()).Search(query, parse.GetValue(top));
            if (parse.GetValue(json))
                WriteJson(output, query, hits);
            else
                WriteText(Terminal.For(output), hits, articles);
            output.Flush();
            return 0;
        });
        return command;
    }

    private static void WriteText(IAnsiConsole console, IReadOnlyList<EvidenceHit> hits, int articles)
    {
        if (articles == 0)
        {
            console.WriteLine("The database holds no articles (run factdesk ingest first): no passages.");
            return;
        }
        if (hits.Count == 0)
        {
            console.WriteLine("No passage of the ingested articles shares a word with the claim.");
            return;
        }
        var table = new Table().AddColumn(new TableColumn("score").RightAligned()).AddColumn("stance").AddColumn("speaker").AddColumn("passage").AddColumn("source");
        foreach (var hit in hits)
        {
            var p = hit.Passage;
            table.AddRow(
                hit.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Phrasing.Stance(hit.Stance),
                Markup.Escape(p.Speaker is { } s ? string.Join(", ", new[] { s.Name, s.Title }.Where(x => x is not null)) : ""),
                Markup.Escape(p.Text),
                Markup.Escape(string.Join("\n", new[] { p.Source.Title, p.Source.Site, Date(p.Source.Published), p.Source.Url }.Where(x => x is not null))));
        }
        console.Write(table);
    }

    private static void WriteJson(TextWriter output, string query, IReadOnlyList<EvidenceHit> hits) =>
        output.WriteLine(JsonStyle.Render(indented: true, w =>
        {
            w.WriteStartObject();
            w.WriteString("query", query);
            w.WriteStartArray("passages");
            foreach (var hit in hits)
                WritePassage(w, hit);
            w.WriteEndArray();
            w.WriteEndObject();
        }));

    private static void WritePassage(Utf8JsonWriter w, EvidenceHit hit)
    {
        var p = hit.Passage;
        w.WriteStartObject();
        w.WriteNumber("score", Math.Round(hit.Score, 4));
        w.WriteString("stance", Phrasing.Stance(hit.Stance));
        w.WriteString("text", p.Text);
        w.WriteString("quote", p.Quote);
        if (p.Speaker is { } s)
        {
            w.WriteStartObject("speaker");
            w.WriteString("name", s.Name);
            w.WriteString("title", s.Title);
            w.WriteString("organization", s.Organization);
            w.WriteEndObject();
        }
        else
            w.WriteNull("speaker");
        w.WriteNumber("articleId", p.Source.ArticleId);
        w.WriteString("title", p.Source.Title);
        w.WriteString("site", p.Source.Site);
        w.WriteString("published", Date(p.Source.Published));
        w.WriteString("url", p.Source.Url);
        w.WriteEndObject();
    }

    private static string? Date(DateTimeOffset? published) => published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
