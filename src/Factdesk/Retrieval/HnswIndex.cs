using System.Runtime.InteropServices;
using System.Text;

namespace Factdesk.Retrieval;

/// <summary>
/// Approximate nearest neighbours by inner product (cosine for unit vectors) in a hierarchical navigable small-world
/// graph (Malkov and Yashunin 2018): each vector is linked to a few near ones on layer 0 and, with geometrically falling
/// probability, on sparser layers above, so a search walks down from a far entry point in a few hops and then explores
/// a beam of <c>ef</c> nodes on layer 0. Vectors are held as <see cref="Int8Vectors"/>.
/// Several vectors may share a label (a fact-check's claim and its title); a search returns each label once, with its
/// best similarity. Vectors are only added, never removed. Not thread-safe: one writer or one reader at a time.
/// </summary>
public sealed class HnswIndex
{
    private static readonly byte[] Magic = "FDHNSW01"u8.ToArray();

    private readonly int _dimensions;
    private readonly int _m;
    private readonly int _m0;
    private readonly int _efConstruction;
    private readonly int _seed;
    private readonly double _levelFactor;
    private Random _random;

    private int _count;
    private long[] _labels;
    private float[] _scales;
    private sbyte[] _codes;
    private byte[] _linkCount0;
    private int[] _links0;
    // Layers 1 and up, per node: blocks of (count, M links), one per layer; null for the ~94 % of nodes on layer 0 only.
    private int[]?[] _upper;
    private int _entry = -1;
    private int _topLevel = -1;
    private int _labelCount;

    private int[] _visited;
    private int _stamp;
    private readonly sbyte[] _queryCodes;
    private readonly PriorityQueue<int, float> _candidates = new();
    private readonly PriorityQueue<int, float> _results = new();

    /// <param name="m">Links per node on the upper layers (twice as many on layer 0); 16 is the usual choice for hundreds of dimensions.</param>
    /// <param name="efConstruction">Beam width while linking a new node: higher builds slower and finds better neighbours.</param>
    public HnswIndex(int dimensions, int m = 16, int efConstruction = 100, int seed = 1, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 2);
        // Layer-0 link counts are kept in a byte.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, 127);
        _dimensions = dimensions;
        _m = m;
        _m0 = 2 * m;
        _efConstruction = Math.Max(efConstruction, m);
        _seed = seed;
        _levelFactor = 1 / Math.Log(m);
        _random = new Random(seed);
        capacity = Math.Max(capacity, 16);
        _labels = new long[capacity];
        _scales = new float[capacity];
        _codes = new sbyte[(long)capacity * dimensions];
        _linkCount0 = new byte[capacity];
        _links0 = new int[(long)capacity * _m0];
        _upper = new int[]?[capacity];
        _visited = new int[capacity];
        _queryCodes = new sbyte[dimensions];
    }

    public int Dimensions => _dimensions;

    /// <summary>Vectors held.</summary>
    public int Count => _count;

    /// <summary>Distinct labels held, counting a label once however many of its vectors were added in a row.</summary>
    public int LabelCount => _labelCount;

    /// <summary>The label of the last vector added, or 0 when empty: labels given in rising order tell what is indexed.</summary>
    public long LastLabel => _count == 0 ? 0 : _labels[_count - 1];

    /// <summary>Makes room for <paramref name="count"/> vectors at once, instead of growing step by step.</summary>
    public void EnsureCapacity(int count)
    {
        if (count <= _labels.Length) return;
        Array.Resize(ref _labels, count);
        Array.Resize(ref _scales, count);
        Array.Resize(ref _codes, checked(count * _dimensions));
        Array.Resize(ref _linkCount0, count);
        Array.Resize(ref _links0, checked(count * _m0));
        Array.Resize(ref _upper, count);
        _visited = new int[count];
        _stamp = 0;
    }

    /// <summary>
    /// Adds <paramref name="vector"/> (unit length for cosine) under <paramref name="label"/>, which may repeat the last
    /// label but not fall below it: the labels stay sorted, so <see cref="Similarities"/> finds a label's vectors quickly.
    /// </summary>
    public void Add(long label, ReadOnlySpan<float> vector)
    {
        if (vector.Length != _dimensions)
            throw new ArgumentException($"expected {_dimensions} dimensions, got {vector.Length}", nameof(vector));
        if (_count > 0 && label < LastLabel)
            throw new ArgumentException($"labels must not fall: {label} after {LastLabel}", nameof(label));
        if (_count == _labels.Length) EnsureCapacity(checked(_count + Math.Max(1024, _count / 4)));
        var node = _count;
        _labels[node] = label;
        _scales[node] = Int8Vectors.Quantize(vector, Codes(node));
        if (node == 0 || _labels[node - 1] != label) _labelCount++;
        var level = (int)(-Math.Log(1 - _random.NextDouble()) * _levelFactor);
        if (level > 0) _upper[node] = new int[level * (_m + 1)];
        _count++;

        if (_entry < 0)
        {
            _entry = node;
            _topLevel = level;
            return;
        }
        var query = Codes(node);
        var scale = _scales[node];
        var entry = Descend(query, scale, _topLevel, level + 1);
        List<int> entries = [entry];
        for (var layer = Math.Min(level, _topLevel); layer >= 0; layer--)
        {
            var found = SearchLayer(query, scale, entries, _efConstruction, layer);
            var chosen = SelectNeighbours(found, layer == 0 ? _m0 : _m);
            SetLinks(node, layer, chosen);
            foreach (var (neighbour, _) in chosen) Link(neighbour, node, layer);
            entries = found.ConvertAll(f => f.Node);
        }
        if (level > _topLevel)
        {
            _entry = node;
            _topLevel = level;
        }
    }

    /// <summary>
    /// The <paramref name="k"/> labels whose best vector is nearest <paramref name="query"/>, nearest first, with that
    /// vector's (approximate) inner product. <paramref name="ef"/> is the beam width on layer 0: wider is slower and
    /// closer to an exact scan; it is raised to <paramref name="k"/> when smaller.
    /// </summary>
    public IReadOnlyList<(long Label, float Similarity)> Search(ReadOnlySpan<float> query, int k, int ef)
    {
        if (query.Length != _dimensions)
            throw new ArgumentException($"expected {_dimensions} dimensions, got {query.Length}", nameof(query));
        if (_count == 0 || k <= 0) return [];
        var scale = Int8Vectors.Quantize(query, _queryCodes);
        var entry = Descend(_queryCodes, scale, _topLevel, 1);
        var found = SearchLayer(_queryCodes, scale, [entry], Math.Max(ef, k), 0);
        var hits = new List<(long, float)>(k);
        var seen = new HashSet<long>();
        foreach (var (node, similarity) in found)
        {
            if (seen.Add(_labels[node])) hits.Add((_labels[node], similarity));
            if (hits.Count == k) break;
        }
        return hits;
    }

    /// <summary>
    /// For each of <paramref name="labels"/>, the (approximate) inner products of <paramref name="query"/> with that
    /// label's vectors in the order they were added; empty for a label the index does not hold.
    /// </summary>
    public float[][] Similarities(ReadOnlySpan<float> query, IReadOnlyList<long> labels)
    {
        if (query.Length != _dimensions)
            throw new ArgumentException($"expected {_dimensions} dimensions, got {query.Length}", nameof(query));
        var scale = Int8Vectors.Quantize(query, _queryCodes);
        var result = new float[labels.Count][];
        var sorted = _labels.AsSpan(0, _count);
        for (var i = 0; i < labels.Count; i++)
        {
            var first = sorted.BinarySearch(labels[i]);
            if (first < 0)
            {
                result[i] = [];
                continue;
            }
            while (first > 0 && sorted[first - 1] == labels[i]) first--;
            var last = first;
            while (last + 1 < _count && sorted[last + 1] == labels[i]) last++;
            result[i] = new float[last - first + 1];
            for (var node = first; node <= last; node++) result[i][node - first] = Similarity(_queryCodes, scale, node);
        }
        return result;
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        foreach (var value in (int[])[_dimensions, _m, _efConstruction, _seed, _count, _entry, _topLevel, _labelCount])
            writer.Write(value);
        writer.Write(MemoryMarshal.AsBytes(_labels.AsSpan(0, _count)));
        writer.Write(MemoryMarshal.AsBytes(_scales.AsSpan(0, _count)));
        writer.Write(MemoryMarshal.AsBytes(_codes.AsSpan(0, _count * _dimensions)));
        writer.Write(_linkCount0.AsSpan(0, _count));
        writer.Write(MemoryMarshal.AsBytes(_links0.AsSpan(0, _count * _m0)));
        for (var node = 0; node < _count; node++)
        {
            var upper = _upper[node];
            writer.Write(upper?.Length ?? 0);
            if (upper is not null) writer.Write(MemoryMarshal.AsBytes(upper.AsSpan()));
        }
    }

    /// <summary>Reads an index written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static HnswIndex Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not a Factdesk HNSW index");
            int dimensions = reader.ReadInt32(), m = reader.ReadInt32(), efConstruction = reader.ReadInt32(), seed = reader.ReadInt32();
            int count = reader.ReadInt32(), entry = reader.ReadInt32(), topLevel = reader.ReadInt32(), labelCount = reader.ReadInt32();
            if (dimensions < 1 || m is < 2 or > 127 || count < 0 || entry < -1 || entry >= Math.Max(count, 1) || labelCount > count)
                throw new InvalidDataException("the index header is damaged");
            // The saved seed moved on by the count, so that vectors added after loading draw fresh levels.
            var index = new HnswIndex(dimensions, m, efConstruction, seed, Math.Max(count, 16))
            {
                _random = new Random(unchecked(seed + count)),
                _count = count,
                _entry = entry,
                _topLevel = topLevel,
                _labelCount = labelCount,
            };
            stream.ReadExactly(MemoryMarshal.AsBytes(index._labels.AsSpan(0, count)));
            stream.ReadExactly(MemoryMarshal.AsBytes(index._scales.AsSpan(0, count)));
            stream.ReadExactly(MemoryMarshal.AsBytes(index._codes.AsSpan(0, count * dimensions)));
            stream.ReadExactly(index._linkCount0.AsSpan(0, count));
            stream.ReadExactly(MemoryMarshal.AsBytes(index._links0.AsSpan(0, count * index._m0)));
            for (var node = 0; node < count; node++)
            {
                var length = reader.ReadInt32();
                if (length < 0 || length % (m + 1) != 0 || length / (m + 1) > 64)
                    throw new InvalidDataException("the index links are damaged");
                if (length == 0) continue;
                var upper = new int[length];
                stream.ReadExactly(MemoryMarshal.AsBytes(upper.AsSpan()));
                index._upper[node] = upper;
            }
            return index;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the index file is cut short");
        }
    }

    private Span<sbyte> Codes(int node) => _codes.AsSpan(node * _dimensions, _dimensions);

    private float Similarity(ReadOnlySpan<sbyte> query, float scale, int node) =>
        Int8Vectors.Dot(query, Codes(node)) * scale * _scales[node];

    private Span<int> Links(int node, int layer)
    {
        if (layer == 0) return _links0.AsSpan(node * _m0, _linkCount0[node]);
        var block = _upper[node].AsSpan((layer - 1) * (_m + 1), _m + 1);
        return block.Slice(1, block[0]);
    }

    private void SetLinks(int node, int layer, List<(int Node, float Similarity)> chosen)
    {
        Span<int> target;
        if (layer == 0)
        {
            _linkCount0[node] = (byte)chosen.Count;
            target = _links0.AsSpan(node * _m0, _m0);
        }
        else
        {
            var block = _upper[node].AsSpan((layer - 1) * (_m + 1), _m + 1);
            block[0] = chosen.Count;
            target = block[1..];
        }
        for (var i = 0; i < chosen.Count; i++) target[i] = chosen[i].Node;
    }

    // Adds the back link from neighbour to node; a full list is pruned again with the same heuristic as a new node's.
    private void Link(int neighbour, int node, int layer)
    {
        var capacity = layer == 0 ? _m0 : _m;
        var links = Links(neighbour, layer);
        if (links.Length < capacity)
        {
            if (layer == 0)
            {
                _links0[neighbour * _m0 + links.Length] = node;
                _linkCount0[neighbour]++;
            }
            else
            {
                var block = _upper[neighbour].AsSpan((layer - 1) * (_m + 1), _m + 1);
                block[1 + block[0]] = node;
                block[0]++;
            }
            return;
        }
        var codes = Codes(neighbour);
        var scale = _scales[neighbour];
        var pool = new List<(int Node, float Similarity)>(links.Length + 1) { (node, Similarity(codes, scale, node)) };
        foreach (var other in links) pool.Add((other, Similarity(codes, scale, other)));
        pool.Sort((x, y) => y.Similarity.CompareTo(x.Similarity));
        SetLinks(neighbour, layer, SelectNeighbours(pool, capacity));
    }

    // Greedy walk on the sparse layers from the top down to (and including) lowest.
    private int Descend(ReadOnlySpan<sbyte> query, float scale, int fromLayer, int lowest)
    {
        var current = _entry;
        var best = Similarity(query, scale, current);
        for (var layer = fromLayer; layer >= lowest; layer--)
        {
            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var next in Links(current, layer))
                {
                    var similarity = Similarity(query, scale, next);
                    if (similarity > best)
                    {
                        best = similarity;
                        current = next;
                        moved = true;
                    }
                }
            }
        }
        return current;
    }

    // The beam search of one layer; returns the ef nearest nodes seen, nearest first.
    private List<(int Node, float Similarity)> SearchLayer(ReadOnlySpan<sbyte> query, float scale, List<int> entries, int ef, int layer)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_visited);
            _stamp = 1;
        }
        _candidates.Clear();
        _results.Clear();
        foreach (var entry in entries)
        {
            if (_visited[entry] == _stamp) continue;
            _visited[entry] = _stamp;
            var similarity = Similarity(query, scale, entry);
            _candidates.Enqueue(entry, -similarity);
            _results.Enqueue(entry, similarity);
            if (_results.Count > ef) _results.Dequeue();
        }
        _results.TryPeek(out _, out var worst);
        while (_candidates.TryDequeue(out var current, out var negated))
        {
            if (-negated < worst && _results.Count >= ef) break;
            foreach (var next in Links(current, layer))
            {
                if (_visited[next] == _stamp) continue;
                _visited[next] = _stamp;
                var similarity = Similarity(query, scale, next);
                if (_results.Count < ef || similarity > worst)
                {
                    _candidates.Enqueue(next, -similarity);
                    _results.Enqueue(next, similarity);
                    if (_results.Count > ef) _results.Dequeue();
                    _results.TryPeek(out _, out worst);
                }
            }
        }
        var found = new List<(int, float)>(_results.Count);
        while (_results.TryDequeue(out var node, out var similarity)) found.Add((node, similarity));
        found.Reverse();
        return found;
    }

    // The paper's heuristic: take candidates nearest first, but skip one that is nearer to an already chosen
    // neighbour than to the base node. Links then point in different directions, which keeps clusters connected.
    private List<(int Node, float Similarity)> SelectNeighbours(List<(int Node, float Similarity)> nearestFirst, int count)
    {
        var chosen = new List<(int Node, float Similarity)>(count);
        foreach (var candidate in nearestFirst)
        {
            if (chosen.Count == count) break;
            var codes = Codes(candidate.Node);
            var scale = _scales[candidate.Node];
            var diverse = true;
            foreach (var kept in chosen)
            {
                if (Similarity(codes, scale, kept.Node) > candidate.Similarity)
                {
                    diverse = false;
                    break;
                }
            }
            if (diverse) chosen.Add(candidate);
        }
        return chosen;
    }
}
