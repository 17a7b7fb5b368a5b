using System.Globalization;

namespace Factdesk.Evidence;

/// <summary>
/// Inverse document frequencies of terms, learned from the training texts and saved with the stance model, so
/// that a rare shared word ("Raqqa") counts for more than a common one ("said").
/// </summary>
public sealed class TermWeights
{
    private readonly Dictionary<string, float> _idf;
    private readonly float _unseen;

    private TermWeights(Dictionary<string, float> idf, float unseen)
    {
        _idf = idf;
        _unseen = unseen;
    }

    public int Count => _idf.Count;

    public float Of(string term) => _idf.TryGetValue(term, out var w) ? w : _unseen;

    /// <summary>Smoothed idf, ln((1 + n) / (1 + df)) + 1, of the terms in at least <paramref name="minDocuments"/> texts.</summary>
    public static TermWeights Fit(IEnumerable<IEnumerable<string>> documents, int minDocuments = 2)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var doc in documents)
        {
            n++;
            foreach (var term in doc.Distinct())
                df[term] = df.GetValueOrDefault(term) + 1;
        }
        var idf = df.Where(p => p.Value >= minDocuments)
            .ToDictionary(p => p.Key, p => (float)(Math.Log((1.0 + n) / (1.0 + p.Value)) + 1), StringComparer.Ordinal);
        return new TermWeights(idf, (float)(Math.Log((1.0 + n) / 1.0) + 1));
    }

    /// <summary>One "term TAB weight" per line, the weight for unseen terms first.</summary>
    public void Save(TextWriter writer)
    {
        writer.Write("\t" + _unseen.ToString("R", CultureInfo.InvariantCulture) + "\n");
        foreach (var (term, weight) in _idf.OrderBy(p => p.Key, StringComparer.Ordinal))
            writer.Write(term + "\t" + weight.ToString("0.####", CultureInfo.InvariantCulture) + "\n");
    }

    public static TermWeights Load(TextReader reader)
    {
        var idf = new Dictionary<string, float>(StringComparer.Ordinal);
        var unseen = 1f;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var weight = float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (first) unseen = weight;
            else idf[line[..tab]] = weight;
            first = false;
        }
        return new TermWeights(idf, unseen);
    }
}
