using System.Globalization;
using System.Text;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Ingestion;

namespace Factdesk.Evidence;

/// <summary>One FNC-1 pair: a headline (the claim), the id of a body, and the gold stance when known.</summary>
public sealed record StancePair(string Headline, int BodyId, Stance? Gold);

/// <summary>
/// The FNC-1 files: `*_bodies.csv` (Body ID, articleBody) and `*_stances.csv` (Headline, Body ID, Stance), and the
/// submission CSV (Headline, Body ID, Stance). Stances map to the dossier's: agree = supports, disagree = refutes,
/// discuss = discusses, unrelated = unrelated.
/// </summary>
public static class FncDataset
{
    public static IReadOnlyDictionary<int, string> ReadBodies(string path)
    {
        var bodies = new Dictionary<int, string>();
        foreach (var (row, line) in Rows(path, "Body ID", "articleBody"))
            bodies[Id(path, row[0], line)] = row[1];
        return bodies;
    }

    public static IReadOnlyList<StancePair> ReadStances(string path)
    {
        var pairs = new List<StancePair>();
        foreach (var (row, line) in Rows(path, "Headline", "Body ID"))
        {
            Stance? gold = row.Length > 2 && row[2].Length > 0
                ? FromLabel(row[2]) ?? throw new InputException(path, $"record {line}: unknown stance '{row[2]}' (expected agree, disagree, discuss or unrelated)")
                : null;
            pairs.Add(new StancePair(row[0], Id(path, row[1], line), gold));
        }
        return pairs;
    }

    public static Stance? FromLabel(string label) => label.Trim().ToLowerInvariant() switch
    {
        "agree" => Stance.Supports,
        "disagree" => Stance.Refutes,
        "discuss" => Stance.Discusses,
        "unrelated" => Stance.Unrelated,
        _ => null,
    };

    public static string Label(Stance stance) => stance switch
    {
        Stance.Supports => "agree",
        Stance.Refutes => "disagree",
        Stance.Discusses => "discuss",
        _ => "unrelated",
    };

    /// <summary>The FNC-1 submission format: `Headline,Body ID,Stance`, one row per pair in input order.</summary>
    public static string PredictionsCsv(IReadOnlyList<StancePair> pairs, IReadOnlyList<Stance> predicted)
    {
        var csv = new StringBuilder("Headline,Body ID,Stance\n");
        for (var i = 0; i < pairs.Count; i++)
            csv.Append(CsvRecords.Field(pairs[i].Headline)).Append(',')
               .Append(pairs[i].BodyId.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(Label(predicted[i])).Append('\n');
        return csv.ToString();
    }

    private static IEnumerable<(string[] Row, int Line)> Rows(string path, string firstColumn, string secondColumn)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        foreach (var row in CsvRecords.Read(reader))
        {
            number++;
            if (number == 1)
            {
                if (row.Length < 2 || row[0].Trim('\uFEFF') != firstColumn || row[1] != secondColumn)
                    throw new InputException(path, $"expected a header starting '{firstColumn},{secondColumn}'");
                continue;
            }
            if (row.Length == 1 && row[0].Length == 0) continue;
            if (row.Length < 2) throw new InputException(path, $"record {number} has {row.Length} field(s), expected at least 2");
            yield return (row, number);
        }
        if (number == 0) throw new InputException(path, "is empty");
    }

    private static int Id(string path, string text, int line) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InputException(path, $"record {line}: Body ID '{text}' is not a number");
}
