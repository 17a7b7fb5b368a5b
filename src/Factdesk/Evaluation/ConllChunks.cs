namespace Factdesk.Evaluation;

/// <summary>An entity chunk: tokens [Start, End) of one sentence and its type ("PER").</summary>
public readonly record struct Chunk(int Start, int End, string Type);

/// <summary>
/// Cuts a tag sequence into chunks exactly as the conlleval script does, so IOB1 (I-X everywhere, B-X only
/// between two adjacent chunks of one type) and IOB2 (B-X on every first token) read the same way:
/// a chunk starts at B-X, at I-X after O, and wherever the type changes.
/// </summary>
public static class ConllChunks
{
    public static List<Chunk> Find(IReadOnlyList<string> tags)
    {
        var chunks = new List<Chunk>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var (prefix, currentType) = i < tags.Count ? Split(tags[i]) : ('O', null);
            var ends = type is not null && (prefix is 'B' or 'O' || currentType != type);
            if (ends)
            {
                chunks.Add(new Chunk(start, i, type!));
                type = null;
            }
            if (prefix != 'O' && type is null)
            {
                start = i;
                type = currentType;
            }
        }
        return chunks;
    }

    /// <summary>IOB2 tags for chunks over a sentence of <paramref name="length"/> tokens.</summary>
    public static string[] ToIob2(IEnumerable<Chunk> chunks, int length)
    {
        var tags = Enumerable.Repeat("O", length).ToArray();
        foreach (var c in chunks)
            for (var i = c.Start; i < c.End; i++) tags[i] = (i == c.Start ? "B-" : "I-") + c.Type;
        return tags;
    }

    private static (char Prefix, string? Type) Split(string tag) =>
        tag == "O" || tag.Length < 3 ? ('O', null) : (tag[0], tag[2..]);
}
