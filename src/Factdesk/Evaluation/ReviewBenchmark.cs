using System.Text.Json;
using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Pipeline;
using Factdesk.Publishing;

namespace Factdesk.Evaluation;

/// <summary>One annotated fact-check article: the checked claim as quoted, its claimant, and the verdict as the article words it.</summary>
public sealed record ReviewExample(string File, string? ClaimQuote, string? Claimant, string? ClaimantTitle, string? Verdict);

/// <summary>
/// How well Factdesk reads another outlet's fact-check: a folder of articles with an `index.jsonl` of
/// {file, claim_quote, claimant, claimant_title, verdict} (the format of ../shared/examples/factchecks).
/// </summary>
public static class ReviewBenchmark
{
    public const string TaskName = "review";

    // A claim counts as found when it shares most of its words with the gold quote; outlets trim quotes differently.
    private const double ClaimMatch = 0.5;

    public static List<ReviewExample> Read(string dir)
    {
        var index = Path.Combine(dir, "index.jsonl");
        if (!System.IO.File.Exists(index)) throw new InputException(dir, "has no index.jsonl of annotated fact-checks");
        var examples = new List<ReviewExample>();
        var lineNumber = 0;
        foreach (var line in System.IO.File.ReadLines(index))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var row = JsonDocument.Parse(line).RootElement;
                var file = Text(row, "file") ?? throw new InputException($"{index}:{lineNumber}", "has no \"file\"");
                examples.Add(new ReviewExample(Path.Combine(dir, file), Text(row, "claim_quote"), Text(row, "claimant"), Text(row, "claimant_title"), Text(row, "verdict")));
            }
            catch (JsonException e)
            {
                throw new InputException($"{index}:{lineNumber}", $"is not JSON ({e.Message})");
            }
        }
        if (examples.Count == 0) throw new InputException(index, "lists no articles");
        return examples;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    public static (EvalReport Report, List<string> Lines) Run(AnalysisPipeline pipeline, RatingScale scale, IReadOnlyList<ReviewExample> examples)
    {
        int reviewed = 0, claims = 0, claimants = 0, claimantGold = 0, verdicts = 0, verdictGold = 0;
        double titleOverlap = 0;
        var lines = new List<string>();
        foreach (var example in examples)
        {
            var review = pipeline.Process(ArticleLoader.Load(example.File)).Review;
            var name = Path.GetFileName(example.File);
            if (review is null)
            {
                lines.Add($"{name}: no review found");
                claimantGold += example.Claimant is null ? 0 : 1;
                verdictGold += example.Verdict is null ? 0 : 1;
                continue;
            }
            reviewed++;
            var claimOk = example.ClaimQuote is null || WordOverlap(example.ClaimQuote, review.Claim.Text) >= ClaimMatch;
            claims += claimOk ? 1 : 0;
            var claimant = review.Claim.Claimant;
            var claimantOk = false;
            if (example.Claimant is not null)
            {
                claimantGold++;
                claimantOk = SameName(example.Claimant, claimant?.Name ?? claimant?.Organization);
                claimants += claimantOk ? 1 : 0;
                if (example.ClaimantTitle is not null)
                    titleOverlap += WordOverlap(example.ClaimantTitle, string.Join(' ', claimant?.Title, claimant?.Organization));
            }
            var verdictOk = false;
            if (example.Verdict is not null)
            {
                verdictGold++;
                verdictOk = review.Verdict is { } v && (Same(v.Words ?? v.Label, example.Verdict) || scale.Map(example.Verdict)?.Name == v.Label);
                verdicts += verdictOk ? 1 : 0;
            }
            lines.Add($"{name}: claim {(claimOk ? "ok" : "MISSED")}, claimant {(example.Claimant is null ? "-" : claimantOk ? "ok" : "MISSED")}, verdict {(example.Verdict is null ? "-" : verdictOk ? "ok" : "MISSED")}");
        }
        var titled = examples.Count(e => e.Claimant is not null && e.ClaimantTitle is not null);
        var metrics = new Dictionary<string, double>
        {
            ["recognised"] = Fraction(reviewed, examples.Count),
            ["claim"] = Fraction(claims, examples.Count),
            ["claimant"] = Fraction(claimants, claimantGold),
            ["claimant_title_overlap"] = titled == 0 ? 0 : titleOverlap / titled,
            ["verdict"] = Fraction(verdicts, verdictGold),
        };
        return (new EvalReport(TaskName, examples.Count, metrics), lines);
    }

    private static double Fraction(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>"Sir Keir Starmer" and "Keir Starmer" name one person: every word of the shorter name is in the longer one.</summary>
    private static bool SameName(string gold, string? predicted)
    {
        if (predicted is null) return false;
        var a = WordSet(gold);
        var b = WordSet(predicted);
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        return shorter.Count > 0 && shorter.All(longer.Contains);
    }

    /// <summary>Word-set F1 of two texts, case-folded: quotes trimmed or bracketed differently still match.</summary>
    public static double WordOverlap(string gold, string predicted)
    {
        var g = WordSet(gold);
        var p = WordSet(predicted);
        if (g.Count == 0 || p.Count == 0) return 0;
        var common = g.Count(p.Contains);
        return 2.0 * common / (g.Count + p.Count);
    }

    private static HashSet<string> WordSet(string text)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }
}
