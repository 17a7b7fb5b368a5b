using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>
/// The verified claims of the CheckThat! claim-retrieval tasks: 2020's verified_claims.docs.tsv and 2022's zip of
/// vclaim JSON files. Keys are the data set's ids, so a record stays one record whatever its text.
/// </summary>
public static class CheckThatRecords
{
    /// <summary>A vclaim file is a few hundred bytes; anything past this in a zip entry is not one (or a zip bomb).</summary>
    public const long MaxEntryBytes = 1 << 20;

    public static IReadOnlyList<ImportItem> FromTsv(string tsv, string source)
    {
        var rows = Tsv.Parse(tsv).ToList();
        if (rows.Count == 0 || rows[0].Length < 2 || rows[0][1] != "vclaim")
            throw new InputException(source, "is not a CheckThat! verified_claims TSV (its header must be: id, vclaim, title)");
        var items = new List<ImportItem>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var location = $"line {(r + 1).ToString(CultureInfo.InvariantCulture)}";
            if (row.Length < 2 || FactCheckFields.Text(row[0]) is not { } id)
                items.Add(ImportItem.Failed(location, "no vclaim id"));
            else if (FactCheckFields.Text(row[1]) is not { } claim)
                items.Add(ImportItem.Failed(location, $"vclaim {id} has no claim text"));
            else
                items.Add(new ImportItem(location, new FactCheckRecord($"clef2020:{id}", claim, Title: row.Length > 2 ? FactCheckFields.Text(row[2]) : null)));
        }
        return items;
    }

    public static IReadOnlyList<ImportItem> FromZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entries = zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            if (entries.Count == 0) throw new InputException(path, "is a zip archive without vclaim JSON files");
            return entries.ConvertAll(Read);
        }
        catch (InvalidDataException)
        {
            throw new InputException(path, "is not a zip archive (expected CheckThat! vclaims.zip)");
        }
    }

    private static ImportItem Read(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntryBytes)
            return ImportItem.Failed(entry.FullName, $"is {entry.Length:N0} bytes unpacked; a vclaim file is at most {MaxEntryBytes:N0}");
        try
        {
            using var stream = entry.Open();
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            string? Field(string name) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? FactCheckFields.Text(v.ToString())
                    : null;
            if (Field("vclaim_id") is not { } id) return ImportItem.Failed(entry.FullName, "no vclaim_id");
            if (Field("vclaim") is not { } claim) return ImportItem.Failed(entry.FullName, $"{id} has no vclaim (the claim's text)");
            return new ImportItem(entry.FullName, new FactCheckRecord($"clef2022:{id}", claim,
                Title: Field("title"), Url: Field("page_url"), ReviewDate: FactCheckFields.Date(Field("date"))));
        }
        catch (JsonException e)
        {
            return ImportItem.Failed(entry.FullName, $"is not valid JSON: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return ImportItem.Failed(entry.FullName, $"cannot be unpacked: {e.Message}");
        }
    }
}
