using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Entities;

/// <summary>
/// Names seen in training data, by type (a bit per <see cref="BilouTags.Types"/> entry), keyed by the hash of
/// their lower-case tokens: the model keeps what names were seen as, never their text.
/// While training, a document must not see names that only it contains, or the tagger would learn to trust
/// the list blindly; <see cref="SingleDocumentTypes"/> makes that leave-one-document-out lookup possible.
/// </summary>
internal sealed class NameList
{
    public const int MaxTokens = 5;

    private readonly Dictionary<ulong, (byte Types, byte SingleDocumentTypes)> _entries = [];

    public static NameList Empty { get; } = new();

    public int Count => _entries.Count;

    public static ulong Key(IReadOnlyList<string> tokens, int start, int length)
    {
        var hash = FeatureHash.Of(0x6e616d65);
        for (var i = start; i < start + length; i++) hash = hash.AddLower(tokens[i]);
        return hash.Value;
    }

    /// <summary>The type bits of a span, less those only <paramref name="ownNames"/> (the current document's) accounts for.</summary>
    public byte Lookup(ulong key, IReadOnlyDictionary<ulong, byte>? ownNames)
    {
        if (!_entries.TryGetValue(key, out var entry)) return 0;
        if (ownNames is null || !ownNames.TryGetValue(key, out var own)) return entry.Types;
        return (byte)(entry.Types & ~(entry.SingleDocumentTypes & own));
    }

    /// <summary>The names of one document with their type bits.</summary>
    public static Dictionary<ulong, byte> NamesOf(ConllDocument document)
    {
        var names = new Dictionary<ulong, byte>();
        foreach (var sentence in document.Sentences)
            foreach (var chunk in ConllChunks.Find(sentence.Tags))
            {
                var type = Array.IndexOf(BilouTags.Types, chunk.Type);
                if (type < 0 || chunk.End - chunk.Start > MaxTokens) continue;
                var key = Key(sentence.Tokens, chunk.Start, chunk.End - chunk.Start);
                names[key] = (byte)(names.GetValueOrDefault(key) | 1 << type);
            }
        return names;
    }

    public static NameList Build(IEnumerable<ConllDocument> documents)
    {
        var list = new NameList();
        foreach (var document in documents)
            foreach (var (key, types) in NamesOf(document))
            {
                var (all, single) = list._entries.GetValueOrDefault(key);
                // A type seen before becomes a many-document type; a new one is single-document for now.
                list._entries[key] = ((byte)(all | types), (byte)(single & ~types | types & ~all));
            }
        return list;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Count);
        foreach (var (key, (types, _)) in _entries)
        {
            writer.Write(key);
            writer.Write(types);
        }
    }

    public static NameList Read(BinaryReader reader)
    {
        var list = new NameList();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            list._entries[key] = (reader.ReadByte(), 0);
        }
        return list;
    }
}
