namespace Factdesk.Matching;

/// <summary>
/// An in-memory Okapi BM25 index over documents given by position (0..n-1). Postings are kept per term with the
/// term frequency, so a query touches only the documents that share a term with it.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, List<(int Doc, int Frequency)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<string> documents)
    {
        _lengths = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var terms = SearchTerms.Of(documents[d]);
            _lengths[d] = terms.Count;
            foreach (var group in terms.GroupBy(t => t))
            {
                if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
                list.Add((d, group.Count()));
            }
        }
        _averageLength = documents.Count == 0 ? 0 : _lengths.Average();
    }

    public int Count => _lengths.Length;

    /// <summary>The best <paramref name="top"/> documents for a query, best first, with their BM25 scores.</summary>
    public List<(int Doc, double Score)> Search(string query, int top) =>
        Scores(query).OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, p.Value)).ToList();

    /// <summary>The BM25 score of every document that shares a term with the query.</summary>
    public Dictionary<int, double> Scores(string query)
    {
        var scores = new Dictionary<int, double>();
        foreach (var term in SearchTerms.Of(query).Distinct())
        {
            if (!_postings.TryGetValue(term, out var postings)) continue;
            var idf = Math.Log(1 + (Count - postings.Count + 0.5) / (postings.Count + 0.5));
            foreach (var (doc, frequency) in postings)
            {
                var norm = frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * _lengths[doc] / Math.Max(_averageLength, 1e-9)));
                scores[doc] = scores.GetValueOrDefault(doc) + idf * norm;
            }
        }
        return scores;
    }
}
