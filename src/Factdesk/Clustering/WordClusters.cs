using System.IO.Compression;
using Factdesk.Learning;

namespace Factdesk.Clustering;

/// <summary>
/// Word classes learned from unlabelled text (<see cref="WordClusterBuilder"/>): each known word has a fine
/// cluster and, through its fine cluster, a coarse one. Words are keyed by a 64-bit hash of their lower case,
/// so looking one up allocates nothing and a model that ships the table holds no text.
/// </summary>
public sealed class WordClusters
{
    private const string Magic = "factdesk-word-clusters-1";
    private const int HashTemplate = 0x5743;

    private readonly Dictionary<ulong, ushort> _fine;
    private readonly ushort[] _coarseOfFine;

    public WordClusters(Dictionary<ulong, ushort> fine, ushort[] coarseOfFine, int coarseCount, string source = "", int seed = 0)
    {
        foreach (var f in fine.Values)
            if (f >= coarseOfFine.Length) throw new ArgumentException("fine cluster without a coarse one", nameof(fine));
        _fine = fine;
        _coarseOfFine = coarseOfFine;
        CoarseCount = coarseCount;
        Source = source;
        Seed = seed;
    }

    /// <summary>The seed the table was built with: tables differing only in it make an ensemble.</summary>
    public int Seed { get; }

    /// <summary>What text the clusters were learned from, in words, for model cards.</summary>
    public string Source { get; }

    public int Words => _fine.Count;

    public int FineCount => _coarseOfFine.Length;

    public int CoarseCount { get; }

    public static ulong Key(ReadOnlySpan<char> word) => FeatureHash.Of(HashTemplate).AddLower(word).Value;

    /// <summary>The word's fine and coarse cluster, or false for a word the clustering did not see often enough.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out int fine, out int coarse)
    {
        if (_fine.TryGetValue(Key(word), out var f))
        {
            fine = f;
            coarse = _coarseOfFine[f];
            return true;
        }
        fine = coarse = -1;
        return false;
    }

    /// <summary>The table on its own, gzipped: what `factdesk train ner-clusters` writes.</summary>
    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        Write(writer);
    }

    public static WordClusters Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(zip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        return Read(reader);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(Source);
        writer.Write(Seed);
        writer.Write(CoarseCount);
        writer.Write(_coarseOfFine.Length);
        foreach (var c in _coarseOfFine) writer.Write(c);
        writer.Write(_fine.Count);
        // Sorted, so that the same clusters always give the same bytes.
        foreach (var (key, fine) in _fine.OrderBy(e => e.Key))
        {
            writer.Write(key);
            writer.Write(fine);
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a Factdesk word-cluster table");
        var source = reader.ReadString();
        var seed = reader.ReadInt32();
        var coarseCount = reader.ReadInt32();
        var fineCount = reader.ReadInt32();
        if (coarseCount is < 1 or > ushort.MaxValue || fineCount is < 1 or > ushort.MaxValue)
            throw new InvalidDataException("word-cluster table has impossible cluster counts");
        var coarseOfFine = new ushort[fineCount];
        for (var i = 0; i < fineCount; i++) coarseOfFine[i] = reader.ReadUInt16();
        var words = reader.ReadInt32();
        if (words < 0) throw new InvalidDataException("word-cluster table has a negative word count");
        var fine = new Dictionary<ulong, ushort>(words);
        for (var i = 0; i < words; i++) fine[reader.ReadUInt64()] = reader.ReadUInt16();
        return new WordClusters(fine, coarseOfFine, coarseCount, source, seed);
    }
}
