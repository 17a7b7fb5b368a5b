using System.IO.Compression;
using System.Text.Json;
using Factdesk.Ingestion;
using Factdesk.Matching;

namespace Factdesk.Evaluation;

/// <summary>A claim-retrieval benchmark: the fact-check collection, the queries, and for each query its relevant fact-check ids.</summary>
public sealed record RetrievalBenchmark(IReadOnlyList<FactCheckEntry> Collection, IReadOnlyList<(string Id, string Text)> Queries, IReadOnlyDictionary<string, HashSet<string>> Relevant);

/// <summary>Readers for the CheckThat! verified-claim retrieval files (2020 Task 2 and 2022 Task 2A), in their published formats.</summary>
public static class CheckThatRetrieval
{
    /// <summary>2020: verified_claims.docs.tsv (header; id, vclaim, title), tweets.queries.tsv (header; id, text), qrels.</summary>
    public static RetrievalBenchmark Read2020(string vclaims, string queries, string qrels)
    {
        var collection = Tsv.Read(vclaims).Skip(1).Where(r => r.Length >= 2)
            .Select(r => new FactCheckEntry(r[0], r[1], r.Length > 2 && r[2].Length > 0 ? r[2] : null)).ToList();
        var queryRows = Tsv.Read(queries).Skip(1).Where(r => r.Length >= 2).Select(r => (r[0], r[1])).ToList();
        return new RetrievalBenchmark(collection, queryRows, ReadQrels(qrels));
    }

    /// <summary>2022: a zip of vclaim JSON files ({vclaim_id, vclaim, title, ...}), queries TSV without header, qrels.</summary>
    public static RetrievalBenchmark Read2022(string vclaimsZip, string queries, string qrels)
    {
        var collection = new List<FactCheckEntry>();
        try
        {
            using var zip = ZipFile.OpenRead(vclaimsZip);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var stream = entry.Open();
                using var json = JsonDocument.Parse(stream);
                var root = json.RootElement;
                var id = root.GetProperty("vclaim_id").ToString();
                var claim = root.TryGetProperty("vclaim", out var v) ? v.GetString() ?? "" : "";
                var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                collection.Add(new FactCheckEntry(id, claim, string.IsNullOrWhiteSpace(title) ? null : title));
            }
        }
        catch (InvalidDataException)
        {
            throw new InputException(vclaimsZip, "is not a zip archive of vclaim JSON files");
        }
        catch (JsonException e)
        {
            throw new InputException(vclaimsZip, $"holds a vclaim file that is not valid JSON: {e.Message}");
        }
        var queryRows = Tsv.Read(queries).Where(r => r.Length >= 2).Select(r => (r[0], r[1])).ToList();
        return new RetrievalBenchmark(collection, queryRows, ReadQrels(qrels));
    }

    private static Dictionary<string, HashSet<string>> ReadQrels(string path)
    {
        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in Tsv.Read(path))
        {
            if (row.Length < 4 || row[3].Trim() == "0") continue;
            if (!relevant.TryGetValue(row[0], out var set)) relevant[row[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(row[2]);
        }
        return relevant;
    }
}
