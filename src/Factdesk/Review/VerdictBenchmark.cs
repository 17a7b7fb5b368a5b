using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Evidence;
using Factdesk.Publishing;
using Factdesk.Segmentation;

namespace Factdesk.Review;

/// <summary>One scored LIAR row: the gold and predicted labels and the suggestion behind the prediction (null: the fallback).</summary>
public sealed record VerdictPrediction(LiarRow Row, string Predicted, SuggestedVerdict? Suggestion, IReadOnlyList<EvidenceSource> Sources);

/// <summary>
/// The suggested verdict measured on LIAR-PLUS: each justification sentence is an independent source whose stance
/// toward the statement is read by <see cref="SourceStance"/>; <see cref="VerdictSuggester"/> on PolitiFact's scale
/// turns them into one of the six LIAR labels. Nothing is learned from the evaluated file.
/// </summary>
public static class VerdictBenchmark
{
    public const string TaskName = "verdict";

    /// <summary>When the rules find no stance-taking sentence: the most frequent label of LIAR's training file (2,123 of 10,269).</summary>
    public const string Fallback = "half-true";

    private static readonly Dictionary<string, string> LiarLabelOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Pants on Fire"] = "pants-fire",
        ["False"] = "false",
        ["Mostly False"] = "barely-true",
        ["Half True"] = "half-true",
        ["Mostly True"] = "mostly-true",
        ["True"] = "true",
    };

    public static IReadOnlyList<VerdictPrediction> Predict(IReadOnlyList<LiarRow> rows, SourceStance stance)
    {
        var suggester = new VerdictSuggester(RatingScales.Get("politifact"));
        return rows.Select(row =>
        {
            var sources = Sources(row, stance);
            var review = new ReviewInfo(new ReviewedClaim(row.Statement, new Speaker(row.Speaker, null, null), null), null, sources);
            var suggestion = suggester.Suggest(review, []);
            var predicted = suggestion is null ? Fallback : LiarLabelOf[suggestion.Verdict.Label];
            return new VerdictPrediction(row, predicted, suggestion, sources);
        }).ToArray();
    }

    /// <summary>The justification's sentences that take a stance or discuss the statement, each as a source of its own.</summary>
    public static IReadOnlyList<EvidenceSource> Sources(LiarRow row, SourceStance stance)
    {
        var sources = new List<EvidenceSource>();
        foreach (var span in SentenceSplitter.Split(row.Justification))
        {
            var sentence = row.Justification[span.Start..span.End].Trim();
            if (sentence.Length == 0) continue;
            var said = stance.Predict(row.Statement, sentence, sentence);
            if (said != Stance.Unrelated)
                sources.Add(new EvidenceSource(new Speaker(null, $"justification sentence {sources.Count + 1}", null), sentence, said));
        }
        return sources;
    }

    public static EvalReport Score(IReadOnlyList<VerdictPrediction> predictions)
    {
        var n = predictions.Count;
        double Fraction(Func<VerdictPrediction, bool> hit) => n == 0 ? 0 : (double)predictions.Count(hit) / n;
        return new EvalReport(TaskName, n, new Dictionary<string, double>
        {
            ["accuracy_6way"] = Fraction(p => p.Predicted == p.Row.Label),
            ["accuracy_2way"] = Fraction(p => LiarDataset.IsTrueish(p.Predicted) == LiarDataset.IsTrueish(p.Row.Label)),
            ["suggested"] = Fraction(p => p.Suggestion is not null),
        });
    }

    /// <summary>One line per row: id, gold, predicted, the stance counts and the explanation.</summary>
    public static string PredictionsTsv(IReadOnlyList<VerdictPrediction> predictions)
    {
        var lines = new List<string> { "id\tgold\tpredicted\trefutes\tsupports\tdiscusses\texplanation" };
        foreach (var p in predictions)
        {
            int Count(Stance s) => p.Sources.Count(x => x.Stance == s);
            var why = (p.Suggestion?.Explanation ?? $"no stance-taking sentence: fallback {Fallback}").Replace('\t', ' ').Replace('\n', ' ');
            lines.Add($"{p.Row.Id}\t{p.Row.Label}\t{p.Predicted}\t{Count(Stance.Refutes)}\t{Count(Stance.Supports)}\t{Count(Stance.Discusses)}\t{why}");
        }
        return string.Join('\n', lines) + "\n";
    }
}
