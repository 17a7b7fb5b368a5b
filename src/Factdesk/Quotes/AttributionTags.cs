using Factdesk.Documents;
using Factdesk.Evaluation;

namespace Factdesk.Quotes;

/// <summary>The three roles of an attribution relation, as PolNeAR marks them.</summary>
public enum AttributionRole { Content, Cue, Source }

/// <summary>
/// BIO tags over tokens for the three roles: 0 is outside, 1 + 2r begins role r, 2 + 2r continues it. PolNeAR gives
/// each token at most one role, so one tag a token loses nothing but which cue a content belongs to.
/// </summary>
public static class AttributionTags
{
    public const int Outside = 0;
    public const int Count = 7;

    public static int Begin(AttributionRole role) => 1 + 2 * (int)role;

    public static int Inside(AttributionRole role) => 2 + 2 * (int)role;

    public static AttributionRole? RoleOf(int tag) => tag == Outside ? null : (AttributionRole)((tag - 1) / 2);

    public static bool IsBegin(int tag) => tag != Outside && (tag - 1) % 2 == 0;

    /// <summary>Whether <paramref name="tag"/> may stand after <paramref name="previous"/> (-1 at the start): a continuing tag needs its role before it.</summary>
    public static bool CanFollow(int previous, int tag) =>
        tag == Outside || IsBegin(tag) || previous != Outside && previous >= 0 && RoleOf(previous) == RoleOf(tag);

    /// <summary>Gold tags for <paramref name="tokens"/>: a token takes the role of the span it overlaps.</summary>
    public static int[] Encode(List<Token> tokens, IReadOnlyList<Attribution> gold)
    {
        var owner = new int[tokens.Count];
        Array.Fill(owner, -1);
        // Content first, cue and source over it: a split quotation's outer bounds hold its own cue and speaker.
        foreach (var role in new[] { AttributionRole.Content, AttributionRole.Cue, AttributionRole.Source })
            for (var k = 0; k < gold.Count; k++)
            {
                RoleSpan? span = role switch
                {
                    AttributionRole.Content => gold[k].Content,
                    AttributionRole.Cue => gold[k].Cue,
                    _ => gold[k].Source,
                };
                if (span is null) continue;
                for (var i = FirstOverlapping(tokens, span.Start); i < tokens.Count && tokens[i].Start < span.End; i++)
                    owner[i] = k * 3 + (int)role;
            }
        var tags = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (owner[i] < 0) continue;
            var role = (AttributionRole)(owner[i] % 3);
            tags[i] = i > 0 && owner[i - 1] == owner[i] ? Inside(role) : Begin(role);
        }
        return tags;
    }

    /// <summary>The runs of one role in <paramref name="tags"/>, as token ranges [First, Last].</summary>
    public static List<(AttributionRole Role, int First, int Last)> Spans(IReadOnlyList<int> tags)
    {
        var spans = new List<(AttributionRole, int, int)>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (RoleOf(tags[i]) is not { } role) continue;
            var last = i;
            // An inside tag after another role starts a run of its own, as a begin tag would. Two speakers or cues
            // side by side are nearly always one cut in two ("The | friendly audience"), so they run on.
            while (last + 1 < tags.Count && (tags[last + 1] == Inside(role) || role != AttributionRole.Content && tags[last + 1] == Begin(role))) last++;
            spans.Add((role, i, last));
            i = last;
        }
        return spans;
    }

    /// <summary>Index of the first token that ends after <paramref name="offset"/> (Count when none).</summary>
    internal static int FirstOverlapping(List<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
