using System.Globalization;
using Factdesk.FactChecks;
using Spectre.Console;

namespace Factdesk.Cli.Rendering;

/// <summary>What `factdesk import` did: counts per file and in all, then every record (or file) that failed with its reason.</summary>
internal static class ImportSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<FileImport> files)
    {
        var counts = new Table().AddColumn("file").AddColumn("format");
        foreach (var name in new[] { "read", "imported", "already there", "failed" })
            counts.AddColumn(new TableColumn(name).RightAligned());
        foreach (var file in files)
            counts.AddRow(Row(Markup.Escape(Path.GetFileName(file.Path)), Markup.Escape(file.Format ?? "unreadable"), file.Read, file.Imported, file.AlreadyThere, Failures(file)));
        if (files.Count > 1)
        {
            counts.AddRow(Row("[bold]all[/]", "", files.Sum(f => f.Read), files.Sum(f => f.Imported), files.Sum(f => f.AlreadyThere), files.Sum(Failures)));
        }
        console.Write(counts);
        if (files.Sum(f => f.Rewritten) is > 0 and var rewritten)
            console.WriteLine($"{rewritten.ToString(CultureInfo.InvariantCulture)} fact-check(s) already there got a new summary or analysis.");

        if (files.All(f => Failures(f) == 0))
            return;
        var reasons = new Table().AddColumn("file").AddColumn("record").AddColumn("reason");
        foreach (var file in files)
        {
            if (file.FileError is { } error)
                reasons.AddRow(Markup.Escape(file.Path), "(whole file)", Markup.Escape(error));
            foreach (var item in file.Failed)
                reasons.AddRow(Markup.Escape(file.Path), Markup.Escape(item.Location), Markup.Escape(item.Error ?? ""));
        }
        console.Write(reasons);
    }

    public static int Failures(FileImport file) => file.Failed.Count + (file.FileError is null ? 0 : 1);

    private static string[] Row(string file, string format, params int[] numbers) =>
        [file, format, .. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))];
}
