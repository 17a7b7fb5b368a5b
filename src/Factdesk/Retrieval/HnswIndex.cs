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
    // 02: link lists filled past the heuristic's picks; a graph of 01 lost recall on crowded data, so it is rebuilt.
    private static readonly byte[] Magic = "FDHNSW02"u8.ToArray();

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
    // The codes and the layer-0 links are nearly all of the index and a search reads them at random, so they are
    // held in huge pages (HugePages).
    private sbyte[] _codes;
    private byte[] _linkCount0;
    // Links into each node on layer 0, so that pruning a full list never leaves a node that nothing links to.
    private int[] _inLinks0;
    private int[] _links0;
    // Layers 1 and up, per node: blocks of (count, M links), one per layer; null for the ~94 % of nodes on layer 0 only.
    private int[]?[] _upper;
    private int _entry = -1;
    private int _topLevel = -1;
    private int _labelCount;

    // Searches keep their working state here; a parallel build gives each thread its own.
    private Scratch _scratch;
    // While a parallel build runs, link lists are read and written under these (node % count), else not at all.
    private readonly Lock[] _stripes = Enumerable.Range(0, 4096).Select(_ => new Lock()).ToArray();
    private readonly Lock _entryLock = new();
    private bool _parallel;

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
        _codes = HugePages.Array<sbyte>((long)capacity * dimensions);
        _linkCount0 = new byte[capacity];
        _inLinks0 = new int[capacity];
        _links0 = HugePages.Array<int>((long)capacity * _m0);
        _upper = new int[]?[capacity];
        _scratch = new Scratch(capacity, dimensions);
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
        _codes = HugePages.Resize(_codes, (long)count * _dimensions, (long)_count * _dimensions);
        Array.Resize(ref _linkCount0, count);
        Array.Resize(ref _inLinks0, count);
        _links0 = HugePages.Resize(_links0, (long)count * _m0, (long)_count * _m0);
        Array.Resize(ref _upper, count);
        _scratch = new Scratch(count, _dimensions);
    }

    /// <summary>
    /// Adds <paramref name="vector"/> (unit length for cosine) under <paramref name="label"/>, which may repeat the last
    /// label but not fall below it: the labels stay sorted, so <see cref="Similarities"/> finds a label's vectors quickly.
    /// </summary>
    public void Add(long label, ReadOnlySpan<float> vector) => Insert(Place(label, vector), _scratch);

    /// <summary>
    /// Adds many vectors as <see cref="Add"/> would, linking them on <paramref name="threads"/> threads at once (the
    /// graph then depends a little on timing, as with other parallel HNSW builds).
    /// </summary>
    public void AddRange(IReadOnlyList<(long Label, float[] Vector)> items, int threads)
    {
        if (items.Count == 0) return;
        EnsureCapacity(_count + items.Count);
        var first = _count;
        foreach (var (label, vector) in items) Place(label, vector);
        if (threads <= 1 || items.Count < 1000)
        {
            for (var node = first; node < _count; node++) Insert(node, _scratch);
            return;
        }
        // The first node of an empty graph becomes its entry; every other one needs an entry to search from.
        if (_entry < 0) Insert(first++, _scratch);
        _parallel = true;
        try
        {
            var next = first - 1;
            var last = _count;
            var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
            {
                var scratch = new Scratch(_labels.Length, _dimensions);
                for (int node; (node = Interlocked.Increment(ref next)) < last;) Insert(node, scratch);
            })).ToArray();
            Task.WaitAll(workers);
        }
        finally
        {
            _parallel = false;
        }
    }

    // Stores the vector, label and level of a new node, not yet linked to anything.
    private int Place(long label, ReadOnlySpan<float> vector)
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
        _upper[node] = level > 0 ? new int[level * (_m + 1)] : null;
        _linkCount0[node] = 0;
        _inLinks0[node] = 0;
        _count++;
        return node;
    }

    private void Insert(int node, Scratch scratch)
    {
        var level = LevelOf(node);
        int entryNode, topLevel;
        lock (_entryLock)
        {
            if (_entry < 0)
            {
                _entry = node;
                _topLevel = level;
                return;
            }
            (entryNode, topLevel) = (_entry, _topLevel);
        }
        var query = Codes(node);
        var scale = _scales[node];
        var entry = Descend(query, scale, entryNode, topLevel, level + 1, scratch);
        List<int> entries = [entry];
        for (var layer = Math.Min(level, topLevel); layer >= 0; layer--)
        {
            var found = SearchLayer(query, scale, entries, _efConstruction, layer, scratch);
            var chosen = SelectNeighbours(found, layer == 0 ? _m0 : _m, out _);
            SetLinks(node, layer, chosen);
            foreach (var (neighbour, _) in chosen) Link(neighbour, node, layer);
            entries = found.ConvertAll(f => f.Node);
        }
        if (level > topLevel)
        {
            lock (_entryLock)
            {
                if (level > _topLevel)
                {
                    _entry = node;
                    _topLevel = level;
                }
            }
        }
    }

    private int LevelOf(int node) => (_upper[node]?.Length ?? 0) / (_m + 1);

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
        var codes = _scratch.Query;
        var scale = Int8Vectors.Quantize(query, codes);
        var entry = Descend(codes, scale, _entry, _topLevel, 1, _scratch);
        var found = SearchLayer(codes, scale, [entry], Math.Max(ef, k), 0, _scratch);
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
        var codes = _scratch.Query;
        var scale = Int8Vectors.Quantize(query, codes);
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
            for (var node = first; node <= last; node++) result[i][node - first] = Similarity(codes, scale, node);
        }
        return result;
    }

    /// <summary>
    /// How many vectors a search can reach at all: those linked, on layer 0, from the entry point. Anything less than
    /// <see cref="Count"/> is recall no beam width can win back.
    /// </summary>
    public int ReachableCount()
    {
        if (_count == 0) return 0;
        var seen = new bool[_count];
        var queue = new Queue<int>();
        seen[_entry] = true;
        queue.Enqueue(_entry);
        var reached = 0;
        while (queue.TryDequeue(out var node))
        {
            reached++;
            foreach (var next in Links(node, 0))
            {
                if (seen[next]) continue;
                seen[next] = true;
                queue.Enqueue(next);
            }
        }
        return reached;
    }

    /// <summary>The nodes <paramref name="node"/> links to on <paramref name="layer"/> (nodes are numbered in the order added).</summary>
    internal int[] Neighbours(int node, int layer) => layer <= LevelOf(node) ? Links(node, layer).ToArray() : [];

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
                foreach (var target in index.Links(node, 0))
                {
                    if ((uint)target >= (uint)count) throw new InvalidDataException("the index links are damaged");
                    index._inLinks0[target]++;
                }
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

    // The links of a node as they are now; under its lock while other threads may be changing them.
    private ReadOnlySpan<int> CopyLinks(int node, int layer, int[] buffer)
    {
        if (!_parallel) return Links(node, layer);
        lock (_stripes[node % _stripes.Length])
        {
            var links = Links(node, layer);
            links.CopyTo(buffer);
            return buffer.AsSpan(0, links.Length);
        }
    }

    private void SetLinks(int node, int layer, List<(int Node, float Similarity)> chosen)
    {
        if (!_parallel)
        {
            WriteLinks(node, layer, chosen);
            return;
        }
        lock (_stripes[node % _stripes.Length])
            WriteLinks(node, layer, chosen);
    }

    private void WriteLinks(int node, int layer, List<(int Node, float Similarity)> chosen)
    {
        Span<int> target;
        if (layer == 0)
        {
            // Counted under the node's lock but for other nodes' entries, hence atomically.
            foreach (var old in Links(node, 0)) Interlocked.Decrement(ref _inLinks0[old]);
            foreach (var (added, _) in chosen) Interlocked.Increment(ref _inLinks0[added]);
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
        if (!_parallel)
        {
            LinkUnlocked(neighbour, node, layer);
            return;
        }
        lock (_stripes[neighbour % _stripes.Length])
            LinkUnlocked(neighbour, node, layer);
    }

    private void LinkUnlocked(int neighbour, int node, int layer)
    {
        var capacity = layer == 0 ? _m0 : _m;
        var links = Links(neighbour, layer);
        if (links.Length < capacity)
        {
            if (layer == 0)
            {
                _links0[neighbour * _m0 + links.Length] = node;
                _linkCount0[neighbour]++;
                Interlocked.Increment(ref _inLinks0[node]);
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
        var chosen = SelectNeighbours(pool, capacity, out var diverse);
        if (layer == 0) KeepOrphans(pool, chosen, diverse, node);
        WriteLinks(neighbour, layer, chosen);
    }

    // Greedy walk on the sparse layers from the top down to (and including) lowest.
    private int Descend(ReadOnlySpan<sbyte> query, float scale, int entry, int fromLayer, int lowest, Scratch scratch)
    {
        var current = entry;
        var best = Similarity(query, scale, current);
        for (var layer = fromLayer; layer >= lowest; layer--)
        {
            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var next in CopyLinks(current, layer, scratch.Links))
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
    private List<(int Node, float Similarity)> SearchLayer(ReadOnlySpan<sbyte> query, float scale, List<int> entries, int ef, int layer, Scratch scratch)
    {
        var visited = scratch.Visited;
        var stamp = scratch.NextStamp();
        var candidates = scratch.Candidates;
        var results = scratch.Results;
        candidates.Clear();
        results.Clear();
        foreach (var entry in entries)
        {
            if (visited[entry] == stamp) continue;
            visited[entry] = stamp;
            var similarity = Similarity(query, scale, entry);
            candidates.Enqueue(entry, -similarity);
            results.Enqueue(entry, similarity);
            if (results.Count > ef) results.Dequeue();
        }
        results.TryPeek(out _, out var worst);
        var fresh = scratch.Fresh;
        while (candidates.TryDequeue(out var current, out var negated))
        {
            if (-negated < worst && results.Count >= ef) break;
            // First the unvisited links, touching each one's codes: the loads are independent, so the memory system
            // fetches them all at once instead of one cache miss after another inside the dot products.
            var freshCount = 0;
            var touched = 0;
            foreach (var next in CopyLinks(current, layer, scratch.Links))
            {
                if (visited[next] == stamp) continue;
                visited[next] = stamp;
                fresh[freshCount++] = next;
                var offset = next * _dimensions;
                for (var line = 0; line < _dimensions; line += 64) touched += _codes[offset + line];
            }
            scratch.Touched += touched;
            for (var f = 0; f < freshCount; f++)
            {
                var next = fresh[f];
                var similarity = Similarity(query, scale, next);
                if (results.Count < ef || similarity > worst)
                {
                    candidates.Enqueue(next, -similarity);
                    results.Enqueue(next, similarity);
                    if (results.Count > ef) results.Dequeue();
                    results.TryPeek(out _, out worst);
                }
            }
        }
        var found = new List<(int, float)>(results.Count);
        while (results.TryDequeue(out var node, out var similarity)) found.Add((node, similarity));
        found.Reverse();
        return found;
    }

    // The paper's heuristic (its Algorithm 4): take candidates nearest first, but skip one that is nearer to an already
    // chosen neighbour than to the base node, so links point in different directions and clusters stay connected. The
    // free places left are then filled with the nearest skipped candidates (the paper's keepPrunedConnections). Without
    // that, a node among many near-copies of one vector keeps a single link into its group, to the centre, and the
    // centre can hold back links to only 2M of them: on the 1M store most copies had no link in at all, no search
    // reached them, and recall@10 stopped at 0.72 however wide the beam.
    // The first `diverse` chosen are the heuristic's, the rest fill.
    private List<(int Node, float Similarity)> SelectNeighbours(List<(int Node, float Similarity)> nearestFirst, int count, out int diverse)
    {
        // Filling stops a quarter short of full: the next back links are then plain appends, where a full list has to be
        // pruned again for each one (most of the build's time once every list is full).
        var fillTo = count - count / 4;
        var chosen = new List<(int Node, float Similarity)>(count);
        List<(int Node, float Similarity)>? skipped = null;
        foreach (var candidate in nearestFirst)
        {
            if (chosen.Count == count) break;
            var codes = Codes(candidate.Node);
            var scale = _scales[candidate.Node];
            var apart = true;
            foreach (var kept in chosen)
            {
                if (Similarity(codes, scale, kept.Node) > candidate.Similarity)
                {
                    apart = false;
                    break;
                }
            }
            if (apart) chosen.Add(candidate);
            else (skipped ??= new List<(int, float)>(nearestFirst.Count)).Add(candidate);
        }
        diverse = chosen.Count;
        if (skipped is not null)
        {
            // Nearest first, after the diverse ones: a search that reaches the node prefers those anyway.
            for (var i = 0; i < skipped.Count && chosen.Count < fillTo; i++) chosen.Add(skipped[i]);
        }
        return chosen;
    }

    // A node dropped from a full list that no other node links to would be lost to every search (the filled links of
    // a crowd of near-copies push the farther ones out). It takes the place of the farthest filled link whose node
    // keeps another way in. `newcomer` is the node being linked, not in the list yet.
    private void KeepOrphans(List<(int Node, float Similarity)> pool, List<(int Node, float Similarity)> chosen, int diverse, int newcomer)
    {
        var slot = chosen.Count - 1;
        foreach (var candidate in pool)
        {
            if (Contains(chosen, candidate.Node) || OtherInLinks(candidate.Node, newcomer) > 0) continue;
            while (slot >= diverse && OtherInLinks(chosen[slot].Node, newcomer) == 0) slot--;
            if (slot < diverse) return;
            chosen[slot--] = candidate;
        }
    }

    // Links into a node besides the one from the list being pruned (the newcomer is not in it yet).
    private int OtherInLinks(int node, int newcomer) => Volatile.Read(ref _inLinks0[node]) - (node == newcomer ? 0 : 1);

    private static bool Contains(List<(int Node, float Similarity)> list, int node)
    {
        foreach (var (n, _) in list)
            if (n == node) return true;
        return false;
    }

    private sealed class Scratch(int capacity, int dimensions)
    {
        private int _stamp;

        public int[] Visited { get; private set; } = new int[capacity];
        public sbyte[] Query { get; } = new sbyte[dimensions];
        public int[] Links { get; } = new int[256];
        public int[] Fresh { get; } = new int[256];
        // Where the touched codes are added up, so that the loads are not left out as unused.
        public int Touched { get; set; }
        public PriorityQueue<int, float> Candidates { get; } = new();
        public PriorityQueue<int, float> Results { get; } = new();

        public int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Visited);
                _stamp = 1;
            }
            return _stamp;
        }
    }
}
