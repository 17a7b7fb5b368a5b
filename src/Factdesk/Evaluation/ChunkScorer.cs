namespace Factdesk.Evaluation;

/// <summary>
/// Entity-level precision, recall and F1 as conlleval computes them: a predicted chunk counts only when its
/// boundaries and type both match a gold chunk. Sentences are added one at a time.
/// </summary>
public sealed class ChunkScorer
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);

    public int Sentences { get; private set; }

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"gold has {gold.Count} tags, predictions {predicted.Count}", nameof(predicted));
        Sentences++;
        var goldChunks = ConllChunks.Find(gold);
        var predictedChunks = ConllChunks.Find(predicted);
        var goldSet = goldChunks.ToHashSet();
        foreach (var c in goldChunks) Count(c.Type, gold: 1);
        foreach (var c in predictedChunks) Count(c.Type, predicted: 1, correct: goldSet.Contains(c) ? 1 : 0);
    }

    private void Count(string type, int gold = 0, int predicted = 0, int correct = 0)
    {
        var (g, p, c) = _byType.GetValueOrDefault(type);
        _byType[type] = (g + gold, p + predicted, c + correct);
    }

    public ChunkScore Overall => Score(_byType.Values.Sum(v => v.Gold), _byType.Values.Sum(v => v.Predicted), _byType.Values.Sum(v => v.Correct));

    public IReadOnlyDictionary<string, ChunkScore> ByType =>
        _byType.ToDictionary(kv => kv.Key, kv => Score(kv.Value.Gold, kv.Value.Predicted, kv.Value.Correct));

    // conlleval reports 0 rather than undefined when there is nothing to divide by.
    private static ChunkScore Score(int gold, int predicted, int correct)
    {
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = gold == 0 ? 0 : (double)correct / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ChunkScore(precision, recall, f1, gold, predicted, correct);
    }
}

public sealed record ChunkScore(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct);
