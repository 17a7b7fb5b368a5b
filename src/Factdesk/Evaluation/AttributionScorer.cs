using System.Text.RegularExpressions;
using Factdesk.Documents;

namespace Factdesk.Evaluation;

/// <summary>
/// Scores predicted attribution relations against gold ones. A prediction matches a gold relation when its content
/// covers at least half of the gold content's tokens (one-to-one, best coverage first); a match is source-correct when
/// the predicted speaker span overlaps the gold Source span, or neither has one. A gold relative pronoun ("Walker, who
/// said ...") also counts as found by the mention it refers to, the span that ends right before it (only commas and
/// spaces between): the text alone decides that referent. A gold personal pronoun ("he") is scored as written, since
/// PolNeAR marks no coreference: overlap with the pronoun counts, not with the person it stands for.
/// </summary>
public sealed partial class AttributionScorer
{
    private const double MinCoverage = 0.5;

    private int _gold, _predicted, _matched, _sourceCorrect;
    private readonly RoleCounts _source = new(), _cue = new(), _content = new();

    public int Gold => _gold;
    public int Predicted => _predicted;
    public int Matched => _matched;
    public int SourceCorrect => _sourceCorrect;

    public SpanScore Content => new(_matched, _predicted, _gold);
    public SpanScore ContentSource => new(_sourceCorrect, _predicted, _gold);
    public SpanScore SourceSpans => _source.Score;
    public SpanScore CueSpans => _cue.Score;
    public SpanScore ContentSpans => _content.Score;

    public void Add(string text, IReadOnlyList<Attribution> gold, IReadOnlyList<Attribution> predicted)
    {
        _gold += gold.Count;
        _predicted += predicted.Count;
        var pairs = new List<(double Coverage, int Gold, int Predicted)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var tokens = WordPattern().Matches(text[gold[g].Content.Start..gold[g].Content.End])
                .Select(m => new RoleSpan(gold[g].Content.Start + m.Index, gold[g].Content.Start + m.Index + m.Length)).ToList();
            if (tokens.Count == 0) continue;
            for (var p = 0; p < predicted.Count; p++)
            {
                var coverage = (double)tokens.Count(t => t.Overlaps(predicted[p].Content)) / tokens.Count;
                if (coverage >= MinCoverage) pairs.Add((coverage, g, p));
            }
        }
        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.Coverage).ThenBy(x => x.Gold).ThenBy(x => x.Predicted))
        {
            if (usedGold.Contains(g) || usedPredicted.Contains(p)) continue;
            usedGold.Add(g);
            usedPredicted.Add(p);
            _matched++;
            if (SameSource(text, gold[g].Source, predicted[p].Source)) _sourceCorrect++;
        }
        _source.Add(gold.Select(a => a.Source), predicted.Select(a => a.Source));
        _cue.Add(gold.Select(a => a.Cue), predicted.Select(a => a.Cue));
        _content.Add(gold.Select(a => a.Content), predicted.Select(a => a.Content));
    }

    private static bool SameSource(string text, RoleSpan? gold, RoleSpan? predicted) =>
        gold is null ? predicted is null : predicted is not null && (gold.Overlaps(predicted) || IsAntecedent(text, gold, predicted));

    /// <summary>Whether <paramref name="predicted"/> ends right before a gold relative pronoun, only commas and spaces between.</summary>
    private static bool IsAntecedent(string text, RoleSpan gold, RoleSpan predicted)
    {
        if (predicted.End > gold.Start || !RelativePronoun().IsMatch(text[gold.Start..gold.End])) return false;
        foreach (var c in text.AsSpan(predicted.End, gold.Start - predicted.End))
            if (c != ',' && !char.IsWhiteSpace(c)) return false;
        return true;
    }

    [GeneratedRegex(@"^(?i:who|whom|which)$")]
    private static partial Regex RelativePronoun();

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex WordPattern();

    /// <summary>Span overlap for one role: a predicted span is right when it overlaps some gold span, a gold span found when some prediction overlaps it.</summary>
    private sealed class RoleCounts
    {
        private int _gold, _predicted, _predictedHits, _goldHits;

        public SpanScore Score => new(_predictedHits, _predicted, _gold, _goldHits);

        public void Add(IEnumerable<RoleSpan?> gold, IEnumerable<RoleSpan?> predicted)
        {
            var g = gold.OfType<RoleSpan>().ToList();
            var p = predicted.OfType<RoleSpan>().ToList();
            _gold += g.Count;
            _predicted += p.Count;
            _predictedHits += p.Count(x => g.Any(x.Overlaps));
            _goldHits += g.Count(x => p.Any(x.Overlaps));
        }
    }
}

/// <summary>Precision over predictions, recall over gold; <paramref name="GoldFound"/> differs from <paramref name="Correct"/> only for many-to-many overlap counts.</summary>
public readonly record struct SpanScore(int Correct, int Predicted, int Gold, int? GoldFound = null)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)(GoldFound ?? Correct) / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
