using Factdesk.Ingestion;

namespace Factdesk.Evaluation;

/// <summary>One LIAR statement: PolitiFact's label, the statement, who said it, and (LIAR-PLUS only) the ruling's justification sentences.</summary>
public sealed record LiarRow(string Id, string Label, string Statement, string Speaker, string Justification);

/// <summary>
/// Reads LIAR (14 columns) and LIAR-PLUS (a leading row index, the 14 LIAR columns, then the justification) TSV files.
/// Labels are PolitiFact's six, worst first.
/// </summary>
public static class LiarDataset
{
    private static readonly string[] Ordered = ["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"];

    public static IReadOnlyList<string> Labels => Ordered;

    /// <summary>The binary grouping used in LIAR-PLUS work: half-true and better are true-ish.</summary>
    public static bool IsTrueish(string label) => Array.IndexOf(Ordered, label) >= Array.IndexOf(Ordered, "half-true");

    public static IReadOnlyList<LiarRow> Read(string path)
    {
        var rows = new List<LiarRow>();
        var line = 0;
        foreach (var fields in Tsv.Read(path))
        {
            line++;
            var row = Parse(fields) ?? throw new InputException(path, $"row {line} is not a LIAR or LIAR-PLUS row (14 or 16 columns with a known label)");
            rows.Add(row);
        }
        if (rows.Count == 0) throw new InputException(path, "has no rows");
        return rows;
    }

    private static LiarRow? Parse(string[] fields)
    {
        // LIAR-PLUS puts a row index before the id, so the id column tells the two layouts apart.
        var offset = fields.Length >= 15 && !fields[0].EndsWith(".json", StringComparison.Ordinal) ? 1 : 0;
        if (fields.Length < offset + 14) return null;
        var label = fields[offset + 1].Trim();
        if (!Labels.Contains(label)) return null;
        var justification = fields.Length > offset + 14 ? fields[offset + 14] : "";
        return new LiarRow(fields[offset].Trim(), label, fields[offset + 2].Trim(), fields[offset + 4].Trim(), justification.Trim());
    }
}
