using System.Text;
using Factdesk.Entities;

namespace Factdesk.Evaluation;

/// <summary>
/// Named-entity recognition on CoNLL-2003 files, scored as conlleval scores it: entity precision, recall and F1
/// overall and per type. Predictions are kept in conlleval's input format, `token gold predicted` per line.
/// </summary>
public static class NerBenchmark
{
    public const string TaskName = "ner";

    /// <summary>Tags every document; returns the scores and the predicted IOB2 tags, sentence by sentence in order.</summary>
    public static (ChunkScorer Scorer, List<string[]> Predictions) Run(NerTagger tagger, IEnumerable<ConllDocument> documents)
    {
        var scorer = new ChunkScorer();
        var predictions = new List<string[]>();
        foreach (var document in documents)
        {
            var predicted = tagger.PredictDocument(document.Sentences.Select(s => s.Tokens).ToArray());
            for (var s = 0; s < predicted.Count; s++) scorer.Add(document.Sentences[s].Tags, predicted[s]);
            predictions.AddRange(predicted);
        }
        return (scorer, predictions);
    }

    /// <summary>n is the number of sentences; metrics f1, precision, recall, then f1_TYPE for each gold or predicted type.</summary>
    public static EvalReport Report(ChunkScorer scorer)
    {
        var overall = scorer.Overall;
        var metrics = new Dictionary<string, double>
        {
            ["f1"] = overall.F1,
            ["precision"] = overall.Precision,
            ["recall"] = overall.Recall,
        };
        foreach (var (type, score) in scorer.ByType)
            metrics["f1_" + type.ToLowerInvariant()] = score.F1;
        return new EvalReport(TaskName, scorer.Sentences, metrics);
    }

    /// <summary>conlleval input: `token gold predicted` per line, a blank line after each sentence.</summary>
    public static string PredictionsText(IEnumerable<ConllDocument> documents, IReadOnlyList<string[]> predictions)
    {
        var text = new StringBuilder();
        var k = 0;
        foreach (var sentence in documents.SelectMany(d => d.Sentences))
        {
            var predicted = predictions[k++];
            for (var i = 0; i < sentence.Tokens.Length; i++)
                text.Append(sentence.Tokens[i]).Append(' ').Append(sentence.Tags[i]).Append(' ').Append(predicted[i]).Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }
}
