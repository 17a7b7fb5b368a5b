using Factdesk.Ingestion.Batch;
using Spectre.Console;

namespace Factdesk.Cli.Rendering;

/// <summary>What `factdesk ingest` did: counts per outcome, then every failed item with its reason.</summary>
internal static class IngestSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<IngestOutcome> outcomes)
    {
        int Count(IngestStatus status) => outcomes.Count(o => o.Status == status);
        var counts = new Table().AddColumn("items").AddColumn(new TableColumn("count").RightAligned());
        counts.AddRow("read", outcomes.Count.ToString(Culture));
        counts.AddRow("stored", Count(IngestStatus.Stored).ToString(Culture));
        counts.AddRow("stored as copies of another article", Count(IngestStatus.StoredCopy).ToString(Culture));
        counts.AddRow("duplicates (already stored)", Count(IngestStatus.AlreadyStored).ToString(Culture));
        counts.AddRow("failed", Count(IngestStatus.Failed).ToString(Culture));
        console.Write(counts);

        var failed = outcomes.Where(o => o.Status == IngestStatus.Failed).ToList();
        if (failed.Count == 0)
            return;
        var reasons = new Table().AddColumn("failed item").AddColumn("reason");
        foreach (var outcome in failed)
            reasons.AddRow(Markup.Escape(outcome.Name), Markup.Escape(outcome.Reason ?? ""));
        console.Write(reasons);
    }

    private static readonly IFormatProvider Culture = System.Globalization.CultureInfo.InvariantCulture;
}
