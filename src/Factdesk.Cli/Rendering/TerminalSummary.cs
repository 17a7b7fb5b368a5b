using Factdesk.Documents;
using Factdesk.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Factdesk.Cli.Rendering;

/// <summary>The human-readable summary that `factdesk check` prints by default.</summary>
internal static class TerminalSummary
{
    public static void Write(IAnsiConsole console, Document document)
    {
        WriteHeader(console, document.Source);
        WriteReview(console, document.Review);
        WriteQuotes(console, document.Quotes);
        WriteClaims(console, document.Claims);
        WriteEntities(console, document.Entities);
    }

    private static void WriteHeader(IAnsiConsole console, SourceInfo source)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(source.Title ?? source.Path ?? "Untitled article")}[/]").LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        AddFact(facts, "Site", source.Site ?? "unknown");
        AddFact(facts, "Published", Phrasing.Date(source.Published));
        AddFact(facts, "Language", source.Language ?? "unknown");
        if (source.Url is not null)
            AddFact(facts, "URL", source.Url);
        if (source.Path is not null)
            AddFact(facts, "File", source.Path);
        console.Write(facts);
        console.WriteLine();
    }

    private static void AddFact(Grid grid, string name, string value) =>
        grid.AddRow(new Markup($"[grey]{name}[/]"), new Text(value));

    private static void WriteReview(IAnsiConsole console, ReviewInfo? review)
    {
        if (review is null)
        {
            Note(console, "The article does not review a claim.");
            return;
        }
        var body = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        body.AddRow(new Markup("[grey]Claim[/]"), new Text(review.Claim.Text));
        body.AddRow(new Markup("[grey]Claimant[/]"), new Text(Phrasing.SpeakerWithRole(review.Claim.Claimant)));
        if (review.Claim.Date is not null)
            body.AddRow(new Markup("[grey]Date[/]"), new Text(review.Claim.Date));
        if (review.Claim.Where is not null)
            body.AddRow(new Markup("[grey]Where[/]"), new Text(review.Claim.Where));
        body.AddRow(new Markup("[grey]Verdict[/]"), new Text(Phrasing.Verdict(review.Verdict), new Style(decoration: Decoration.Bold)));

        var rows = new List<IRenderable> { body };
        if (review.Sources.Count > 0)
        {
            var sources = NewTable("Source", "Title / organisation", "Stance", "Quote");
            foreach (var s in review.Sources)
                AddRow(sources, Phrasing.SpeakerName(s.Speaker), Phrasing.SpeakerRole(s.Speaker), Phrasing.Stance(s.Stance), s.Quote);
            rows.Add(sources);
        }
        console.Write(new Panel(new Rows(rows)).Header("Review").Expand());
        console.WriteLine();
    }

    private static void WriteQuotes(IAnsiConsole console, IReadOnlyList<Quote> quotes)
    {
        if (quotes.Count == 0)
        {
            Note(console, "No quotes found.");
            return;
        }
        var table = NewTable("Speaker", "Title / organisation", "Kind", "Quote").Title("Quotes");
        foreach (var q in quotes)
            AddRow(table, Phrasing.SpeakerName(q.Speaker), Phrasing.SpeakerRole(q.Speaker), Phrasing.QuoteKind(q.Kind), q.Text);
        console.Write(table);
        console.WriteLine();
    }

    private static void WriteClaims(IAnsiConsole console, IReadOnlyList<Claim> claims)
    {
        if (claims.Count == 0)
        {
            Note(console, "No check-worthy claims found.");
            return;
        }
        var table = NewTable("Score", "Claim", "Claimant").Title("Claims");
        foreach (var c in claims)
            AddRow(table, Phrasing.Score(c.Score), c.Text, c.Claimant is null ? "" : Phrasing.SpeakerWithRole(c.Claimant));
        console.Write(table);
        console.WriteLine();
    }

    private static void WriteEntities(IAnsiConsole console, IReadOnlyList<Entity> entities)
    {
        var groups = EntityGroup.From(entities);
        if (groups.Count == 0)
        {
            Note(console, "No entities found.");
            return;
        }
        var table = NewTable("Entity", "Type", "Count", "Mentions").Title("Entities");
        foreach (var g in groups)
            AddRow(table, g.Canonical, Phrasing.EntityType(g.Type), g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", g.Mentions));
        console.Write(table);
    }

    private static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var header in headers)
            table.AddColumn(new TableColumn(new Markup($"[bold]{Markup.Escape(header)}[/]")));
        return table;
    }

    /// <summary>Cells are <see cref="Text"/>, never markup: article text is full of [brackets].</summary>
    private static void AddRow(Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    private static void Note(IAnsiConsole console, string message)
    {
        console.Write(new Markup($"[grey]{Markup.Escape(message)}[/]"));
        console.WriteLine();
        console.WriteLine();
    }
}
