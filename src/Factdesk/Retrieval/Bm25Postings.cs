using System.Runtime.InteropServices;
using System.Text;

namespace Factdesk.Retrieval;

/// <summary>
/// Okapi BM25 over postings lists that finds the best few documents without scoring every document that shares a term
/// with the query: MaxScore (Turtle and Flood 1995). Each term's largest possible contribution is known; once the
/// top-k list is full, the terms whose bounds together cannot lift a document above its worst entry stop proposing
/// documents and are only looked up for documents the others proposed. A claim's rare words then decide which
/// postings are read, and "said" or "covid" in a million fact-checks costs a few binary searches instead of a scan.
/// Scores are the same as <c>Matching.Bm25Index</c>'s (k1 1.2, b 0.75, idf log(1 + (N - n + 0.5) / (n + 0.5))).
/// Documents carry labels given in rising order and are only added. Not thread-safe.
/// </summary>
public sealed class Bm25Postings
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly byte[] Magic = "FDBM2501"u8.ToArray();

    private readonly Dictionary<string, Postings> _terms = new(StringComparer.Ordinal);
    private long[] _labels = new long[1024];
    private ushort[] _lengths = new ushort[1024];
    private int _count;
    private long _totalLength;
    // Bounds depend on N and the average length, so they are recomputed (one pass over all postings) after adds.
    private bool _boundsStale;

    public int Count => _count;

    /// <summary>The label of the last document added, or 0 when empty.</summary>
    public long LastLabel => _count == 0 ? 0 : _labels[_count - 1];

    /// <summary>Adds a document by its terms (repeats count); <paramref name="label"/> must be above every earlier one.</summary>
    public void Add(long label, IReadOnlyList<string> terms)
    {
        if (_count > 0 && label <= LastLabel)
            throw new ArgumentException($"labels must rise: {label} after {LastLabel}", nameof(label));
        if (_count == _labels.Length)
        {
            Array.Resize(ref _labels, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        var doc = _count++;
        _labels[doc] = label;
        _lengths[doc] = (ushort)Math.Min(terms.Count, ushort.MaxValue);
        _totalLength += _lengths[doc];
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            if (!_terms.TryGetValue(group.Key, out var postings)) _terms[group.Key] = postings = new Postings();
            postings.Add(doc, (byte)Math.Min(group.Count(), byte.MaxValue));
        }
        _boundsStale = true;
    }

    /// <summary>The best <paramref name="top"/> documents for the distinct <paramref name="terms"/>, best first, with their BM25 scores.</summary>
    public IReadOnlyList<(long Label, double Score)> Search(IReadOnlyList<string> terms, int top)
    {
        if (_count == 0 || top <= 0) return [];
        if (_boundsStale) UpdateBounds();
        var average = (double)_totalLength / _count;
        var lists = terms.Distinct(StringComparer.Ordinal)
            .Select(t => _terms.GetValueOrDefault(t)).OfType<Postings>()
            .OrderBy(p => p.Bound).ToArray();
        if (lists.Length == 0) return [];
        // below[i]: the most that lists 0..i together can add to a document.
        var below = new double[lists.Length];
        for (var i = 0; i < lists.Length; i++) below[i] = (i == 0 ? 0 : below[i - 1]) + lists[i].Bound;
        var idf = lists.Select(Idf).ToArray();
        var cursor = new int[lists.Length];
        var best = new PriorityQueue<int, double>(top + 1);
        var threshold = 0.0;
        var essential = 0;
        while (essential < lists.Length)
        {
            var doc = int.MaxValue;
            for (var i = essential; i < lists.Length; i++)
                if (cursor[i] < lists[i].Count) doc = Math.Min(doc, lists[i].Docs[cursor[i]]);
            if (doc == int.MaxValue) break;
            var norm = K1 * (1 - B + B * _lengths[doc] / average);
            var score = 0.0;
            for (var i = essential; i < lists.Length; i++)
            {
                if (cursor[i] < lists[i].Count && lists[i].Docs[cursor[i]] == doc)
                    score += idf[i] * Saturate(lists[i].Frequencies[cursor[i]++], norm);
            }
            for (var i = essential - 1; i >= 0 && score + below[i] > threshold; i--)
            {
                var list = lists[i];
                cursor[i] = list.Seek(doc, cursor[i]);
                if (cursor[i] < list.Count && list.Docs[cursor[i]] == doc) score += idf[i] * Saturate(list.Frequencies[cursor[i]], norm);
            }
            if (best.Count < top) best.Enqueue(doc, score);
            else if (score > threshold) best.EnqueueDequeue(doc, score);
            else continue;
            if (best.Count == top)
            {
                best.TryPeek(out _, out threshold);
                while (essential < lists.Length && below[essential] <= threshold) essential++;
            }
        }
        var hits = new List<(long, double)>(best.Count);
        while (best.TryDequeue(out var doc, out var score)) hits.Add((_labels[doc], score));
        hits.Reverse();
        return hits;
    }

    /// <summary>
    /// The BM25 score of a text given by its <paramref name="documentTerms"/> (repeats count) for the distinct query
    /// <paramref name="terms"/>, with this index's document frequencies and, unless <paramref name="averageLength"/>
    /// is given, its average length: the score <see cref="Search"/> gives a document with those terms, for any text.
    /// </summary>
    public double Score(IReadOnlyList<string> terms, IReadOnlyList<string> documentTerms, double? averageLength = null)
    {
        if (_count == 0 || documentTerms.Count == 0) return 0;
        var frequencies = documentTerms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var norm = K1 * (1 - B + B * Math.Min(documentTerms.Count, ushort.MaxValue) / Math.Max(averageLength ?? (double)_totalLength / _count, 1e-9));
        var score = 0.0;
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            if (!frequencies.TryGetValue(term, out var frequency) || !_terms.TryGetValue(term, out var postings)) continue;
            score += Idf(postings) * Saturate((byte)Math.Min(frequency, byte.MaxValue), norm);
        }
        return score;
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(_count);
        writer.Write(_totalLength);
        writer.Write(MemoryMarshal.AsBytes(_labels.AsSpan(0, _count)));
        writer.Write(MemoryMarshal.AsBytes(_lengths.AsSpan(0, _count)));
        writer.Write(_terms.Count);
        foreach (var (term, postings) in _terms)
        {
            writer.Write(term);
            writer.Write(postings.Count);
            writer.Write(MemoryMarshal.AsBytes(postings.Docs.AsSpan(0, postings.Count)));
            writer.Write(postings.Frequencies.AsSpan(0, postings.Count));
        }
    }

    /// <summary>Reads an index written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static Bm25Postings Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not a Factdesk BM25 index");
            var count = reader.ReadInt32();
            var totalLength = reader.ReadInt64();
            if (count < 0 || totalLength < 0) throw new InvalidDataException("the BM25 index header is damaged");
            var index = new Bm25Postings
            {
                _count = count,
                _totalLength = totalLength,
                _labels = new long[Math.Max(count, 1024)],
                _lengths = new ushort[Math.Max(count, 1024)],
                _boundsStale = true,
            };
            stream.ReadExactly(MemoryMarshal.AsBytes(index._labels.AsSpan(0, count)));
            stream.ReadExactly(MemoryMarshal.AsBytes(index._lengths.AsSpan(0, count)));
            var terms = reader.ReadInt32();
            for (var t = 0; t < terms; t++)
            {
                var term = reader.ReadString();
                var size = reader.ReadInt32();
                if (size <= 0 || size > count) throw new InvalidDataException("the BM25 index postings are damaged");
                var postings = new Postings(size);
                stream.ReadExactly(MemoryMarshal.AsBytes(postings.Docs.AsSpan(0, size)));
                stream.ReadExactly(postings.Frequencies.AsSpan(0, size));
                postings.Count = size;
                if (postings.Docs[size - 1] >= count) throw new InvalidDataException("the BM25 index postings are damaged");
                index._terms[term] = postings;
            }
            return index;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the BM25 index file is cut short");
        }
    }

    private double Idf(Postings postings) => Math.Log(1 + (_count - postings.Count + 0.5) / (postings.Count + 0.5));

    private static double Saturate(byte frequency, double norm) => frequency * (K1 + 1) / (frequency + norm);

    private void UpdateBounds()
    {
        var average = (double)_totalLength / _count;
        foreach (var postings in _terms.Values)
        {
            var most = 0.0;
            for (var i = 0; i < postings.Count; i++)
                most = Math.Max(most, Saturate(postings.Frequencies[i], K1 * (1 - B + B * _lengths[postings.Docs[i]] / average)));
            // A hair above the true maximum, so rounding never prunes a document that would have made the list.
            postings.Bound = Idf(postings) * most * (1 + 1e-9);
        }
        _boundsStale = false;
    }

    private sealed class Postings(int capacity = 4)
    {
        public int[] Docs = new int[capacity];
        public byte[] Frequencies = new byte[capacity];
        public int Count;
        public double Bound;

        public void Add(int doc, byte frequency)
        {
            if (Count == Docs.Length)
            {
                Array.Resize(ref Docs, Count * 2);
                Array.Resize(ref Frequencies, Count * 2);
            }
            Docs[Count] = doc;
            Frequencies[Count++] = frequency;
        }

        // The first position at or after from whose document is at least doc: galloping, then a binary search.
        public int Seek(int doc, int from)
        {
            if (from >= Count || Docs[from] >= doc) return from;
            var step = 1;
            var low = from;
            while (low + step < Count && Docs[low + step] < doc)
            {
                low += step;
                step *= 2;
            }
            var high = Math.Min(low + step, Count);
            var found = Array.BinarySearch(Docs, low + 1, high - low - 1, doc);
            return found >= 0 ? found : ~found;
        }
    }
}
