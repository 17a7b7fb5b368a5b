using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>
/// The Poynter #CoronaVirusFacts Alliance export: a CSV, or a JSON array of objects, with one column per question
/// of its submission form. The JSON has the date under an empty key and adds the language.
/// </summary>
public static class PoynterRecords
{
    private const string ClaimColumn = "What did you fact-check?";
    private const string OrganisationColumn = "Organization";

    public static bool IsPoynterJson(JsonNode? root) =>
        root is JsonArray { Count: > 0 } array && array[0] is JsonObject first && first.ContainsKey(ClaimColumn);

    public static IReadOnlyList<ImportItem> FromCsv(string csv, string source)
    {
        using var reader = new StringReader(csv);
        var rows = CsvRecords.Read(reader).ToList();
        var header = rows.Count > 0 ? rows[0] : [];
        if (!header.Contains(ClaimColumn) || !header.Contains(OrganisationColumn))
            throw new InputException(source, $"is a CSV without the Poynter CoronaVirusFacts columns (\"{ClaimColumn}\", \"{OrganisationColumn}\")");
        var items = new List<ImportItem>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is [""]) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length && c < row.Length; c++) fields.TryAdd(header[c], row[c]);
            items.Add(Read(fields, $"row {(r + 1).ToString(CultureInfo.InvariantCulture)}", "When did you see the claim?"));
        }
        return items;
    }

    public static IReadOnlyList<ImportItem> FromJson(JsonArray array)
    {
        var items = new List<ImportItem>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var location = $"$[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (array[i] is not JsonObject obj)
            {
                items.Add(ImportItem.Failed(location, "is not an object"));
                continue;
            }
            var fields = obj.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
            items.Add(Read(fields, location, ""));
        }
        return items;
    }

    private static ImportItem Read(Dictionary<string, string> fields, string location, string dateColumn)
    {
        string? Field(string name) => FactCheckFields.Text(fields.GetValueOrDefault(name));
        if (Field(ClaimColumn) is not { } claim)
            return ImportItem.Failed(location, $"no claim (\"{ClaimColumn}\" is empty)");
        var publisher = Field(OrganisationColumn);
        if (publisher is null)
            return ImportItem.Failed(location, $"no fact-checker (\"{OrganisationColumn}\" is empty)");
        var url = Field("URL to fact-checked article (in your language)");
        return new ImportItem(location, new FactCheckRecord(
            SourceKey: FactCheckFields.DerivedKey(publisher, url, claim),
            Claim: claim,
            Claimant: Field("Who said/posted it?"),
            ClaimDate: FactCheckFields.Date(Field(dateColumn)),
            Verdict: Field("Final rating"),
            Url: url,
            Publisher: publisher,
            Language: Field("Language of your fact-check"),
            Summary: Field("Explanation")));
    }
}
