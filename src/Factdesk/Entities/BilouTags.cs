using Factdesk.Evaluation;

namespace Factdesk.Entities;

/// <summary>
/// The tagger's own tag set: O plus Begin, Inside, Last and Unit for each CoNLL type. BILOU marks where a
/// name ends, which a left-to-right tagger learns more easily than IOB. Tag 0 is O; type t has 1 + 4t ... 4 + 4t.
/// </summary>
internal static class BilouTags
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public const int O = 0;
    public static int Count => 1 + 4 * Types.Length;

    private const int Begin = 0, Inside = 1, Last = 2, Unit = 3;

    public static int TypeOf(int tag) => (tag - 1) / 4;

    private static int Position(int tag) => (tag - 1) % 4;

    private static int Tag(int type, int position) => 1 + 4 * type + position;

    /// <summary>BILOU tags for a sentence's chunks; chunks of types outside <see cref="Types"/> stay O.</summary>
    public static int[] Encode(IEnumerable<Chunk> chunks, int length)
    {
        var tags = new int[length];
        foreach (var c in chunks)
        {
            var type = Array.IndexOf(Types, c.Type);
            if (type < 0) continue;
            if (c.End - c.Start == 1)
            {
                tags[c.Start] = Tag(type, Unit);
                continue;
            }
            for (var i = c.Start; i < c.End; i++)
                tags[i] = Tag(type, i == c.Start ? Begin : i == c.End - 1 ? Last : Inside);
        }
        return tags;
    }

    /// <summary>The chunks of a well-formed BILOU sequence (the decoder only produces those).</summary>
    public static List<Chunk> Decode(ReadOnlySpan<int> tags)
    {
        var chunks = new List<Chunk>();
        var start = -1;
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == O) continue;
            switch (Position(tags[i]))
            {
                case Begin: start = i; break;
                case Unit: chunks.Add(new Chunk(i, i + 1, Types[TypeOf(tags[i])])); break;
                case Last when start >= 0: chunks.Add(new Chunk(start, i + 1, Types[TypeOf(tags[i])])); start = -1; break;
            }
        }
        return chunks;
    }

    /// <summary>Whether <paramref name="tag"/> may follow <paramref name="previous"/>; an open name must be closed by the sentence's end.</summary>
    public static bool Allowed(int previous, int tag, bool isLastToken)
    {
        var open = previous != O && Position(previous) is Begin or Inside;
        if (open)
            return tag != O && TypeOf(tag) == TypeOf(previous) && (Position(tag) == Last || Position(tag) == Inside && !isLastToken);
        return tag == O || Position(tag) == Unit || Position(tag) == Begin && !isLastToken;
    }
}
