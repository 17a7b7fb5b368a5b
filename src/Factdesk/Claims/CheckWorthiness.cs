using Factdesk.Documents;
using Factdesk.Pipeline;
using Factdesk.Segmentation;

namespace Factdesk.Claims;

/// <summary>
/// Scores each sentence for check-worthiness (a factual, verifiable statement of public interest) and keeps those at
/// or above a threshold as claims, each with the speaker of the quote it overlaps most. The score is the probability
/// of the trained model built into the library (<see cref="CheckWorthinessModel"/>); a build without that model
/// falls back to <see cref="CheckWorthinessRules"/>.
/// </summary>
public sealed class CheckWorthiness : IStage, IPreloadable
{
    public const double DefaultThreshold = 0.5;

    private readonly double _threshold;

    public CheckWorthiness(double threshold = DefaultThreshold) => _threshold = threshold;

    public void Process(Document document)
    {
        var scores = PredictAll(document);
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] < _threshold) continue;
            var sentence = document.Sentences[i];
            document.Claims.Add(new Claim(document.Slice(sentence), sentence.Start, sentence.End, Math.Round(scores[i], 3), Claimant(document, sentence)));
        }
    }

    public void Preload() => _ = CheckWorthinessModel.Shipped;

    /// <summary>The check-worthiness of one sentence in [0,1]; reads the document, writes nothing.</summary>
    public static double Predict(Document document, Sentence sentence) =>
        CheckWorthinessModel.Shipped is { } model
            ? model.Score([document.Slice(sentence)])[0]
            : CheckWorthinessRules.Predict(document, sentence);

    /// <summary>The scores of all sentences in order; one batch through the model is far cheaper than one call per sentence.</summary>
    public static IReadOnlyList<double> PredictAll(Document document) =>
        CheckWorthinessModel.Shipped is { } model
            ? model.Score(document.Sentences.Select(document.Slice).ToArray())
            : document.Sentences.Select(s => CheckWorthinessRules.Predict(document, s)).ToArray();

    internal static Speaker? Claimant(Document document, Sentence sentence) =>
        document.Quotes.Overlapping(sentence.Start, sentence.End)
            .Where(q => q.Speaker is not null)
            .OrderByDescending(q => Math.Min(q.End, sentence.End) - Math.Max(q.Start, sentence.Start))
            .FirstOrDefault()?.Speaker;
}
