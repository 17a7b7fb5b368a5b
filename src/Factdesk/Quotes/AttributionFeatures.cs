using System.Text;
using Factdesk.Clustering;
using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Learning;

namespace Factdesk.Quotes;

/// <summary>
/// The features of each token for the attribution tagger: the word and its neighbours, its shape and entity type,
/// whether it stands inside quotation marks, where the nearest likely cue of its sentence is ("said" three
/// words to the right makes a subject; "said that" to the left makes content), and the word classes of the entity
/// tagger's cluster tables (learned from unlabelled CoNLL, FNC-1 and LIAR text, no PolNeAR). The tag history is added while
/// decoding, since it depends on the tags already chosen.
/// </summary>
public sealed class AttributionFeatures(CueLexicon lexicon, IReadOnlyList<WordClusters> clusters)
{
    /// <summary>With the shipped entity tagger's word clusters (none when the build has no entity model).</summary>
    public AttributionFeatures(CueLexicon lexicon) : this(lexicon, NerTagger.Shipped?.Clusters ?? []) { }

    public CueLexicon Lexicon => lexicon;

    /// <summary>The word cluster tables the features read; a saved model keeps its own copy.</summary>
    public IReadOnlyList<WordClusters> Clusters => clusters;

    /// <summary>Features of every token that do not depend on the tags; the document must be segmented.</summary>
    public ulong[][] Prepare(Document document)
    {
        var tokens = document.Tokens;
        var n = tokens.Count;
        var lower = new string[n];
        var shape = new string[n];
        var entity = new int[n];
        var quoted = new bool[n];
        var candidate = new bool[n];
        var sentence = AttributionTagger.SentenceIndex(document);
        var paragraphStart = new bool[n];
        for (var i = 0; i < n; i++)
        {
            lower[i] = tokens[i].Text.ToLowerInvariant();
            shape[i] = Shape(tokens[i].Text);
            candidate[i] = lexicon.IsCandidate(lower[i]);
            entity[i] = -1;
            paragraphStart[i] = i == 0 || document.Text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n');
        }
        foreach (var e in document.Entities)
            for (var i = AttributionTags.FirstOverlapping(tokens, e.Start); i < n && tokens[i].Start < e.End; i++) entity[i] = (int)e.Type;
        foreach (var q in QuotationMarkScanner.Scan(document.Text))
            for (var i = AttributionTags.FirstOverlapping(tokens, q.Open); i < n && tokens[i].Start <= q.Close; i++) quoted[i] = true;
        var sentenceFirst = new int[n];
        var sentenceLast = new int[n];
        {
            for (var i = 0; i < n; i++) sentenceFirst[i] = i > 0 && sentence[i - 1] == sentence[i] ? sentenceFirst[i - 1] : i;
            for (var i = n - 1; i >= 0; i--) sentenceLast[i] = i + 1 < n && sentence[i + 1] == sentence[i] ? sentenceLast[i + 1] : i;
        }
        // The nearest cue candidates within the sentence, either side.
        var left = new int[n];
        var right = new int[n];
        for (int i = 0, last = -1; i < n; i++)
        {
            if (i == sentenceFirst[i]) last = -1;
            left[i] = last;
            if (candidate[i]) last = i;
        }
        for (int i = n - 1, next = -1; i >= 0; i--)
        {
            if (i == sentenceLast[i]) next = -1;
            right[i] = next;
            if (candidate[i]) next = i;
        }
        // The nearest closing quotation mark before a token and opening one after it, in its sentence: "“...,” he said".
        var closedBefore = new int[n];
        var opensAfter = new int[n];
        for (int i = 0, last = -1; i < n; i++)
        {
            if (i == sentenceFirst[i]) last = -1;
            closedBefore[i] = last < 0 ? 0 : Distance(i - last);
            if (tokens[i].Kind == TokenKind.Quote && quoted[i] && (i + 1 >= n || !quoted[i + 1])) last = i;
        }
        for (int i = n - 1, next = -1; i >= 0; i--)
        {
            if (i == sentenceLast[i]) next = -1;
            opensAfter[i] = next < 0 ? 0 : Distance(next - i);
            if (tokens[i].Kind == TokenKind.Quote && quoted[i] && (i == 0 || !quoted[i - 1])) next = i;
        }
        // Each token's classes, looked up once per table: a token is read again as its neighbours' neighbour.
        var fineClass = new int[clusters.Count][];
        var coarseClass = new int[clusters.Count][];
        for (var t = 0; t < clusters.Count; t++)
        {
            (fineClass[t], coarseClass[t]) = (new int[n], new int[n]);
            // TryGet gives -1 and -1 for a word the clustering did not keep.
            for (var i = 0; i < n; i++) clusters[t].TryGet(lower[i], out fineClass[t][i], out coarseClass[t][i]);
        }
        int Coarse(int t, int i) => i < 0 || i >= n ? -1 : coarseClass[t][i];
        var sentenceHasCandidate = new Dictionary<int, bool>();
        for (var i = 0; i < n; i++) if (candidate[i]) sentenceHasCandidate[sentence[i]] = true;

        string Word(int i) => i < 0 ? "<s>" : i >= n ? "</s>" : lower[i];
        int Entity(int i) => i < 0 || i >= n ? -2 : entity[i];

        var result = new ulong[n][];
        var f = new List<ulong>(48);
        for (var i = 0; i < n; i++)
        {
            f.Clear();
            var w = lower[i];
            var bucket = lexicon.Bucket(w);
            var leftDist = left[i] < 0 ? 0 : Distance(i - left[i]);
            var rightDist = right[i] < 0 ? 0 : Distance(right[i] - i);
            var leftWord = left[i] < 0 ? "-" : lower[left[i]];
            var rightWord = right[i] < 0 ? "-" : lower[right[i]];
            var afterLeftCue = left[i] >= 0 && left[i] + 1 < n ? lower[left[i] + 1] : "-";
            var fromStart = Distance(i - sentenceFirst[i] + 1);
            var toEnd = Distance(sentenceLast[i] - i + 1);
            var q = quoted[i] ? 1 : 0;

            f.Add(FeatureHash.Of(0).Value);
            f.Add(FeatureHash.Of(1).Add(w).Value);
            f.Add(FeatureHash.Of(2).Add(shape[i]).Value);
            f.Add(FeatureHash.Of(3).Add(w.AsSpan(Math.Max(0, w.Length - 3))).Value);
            f.Add(FeatureHash.Of(4).Add(Word(i - 1)).Value);
            f.Add(FeatureHash.Of(5).Add(Word(i + 1)).Value);
            f.Add(FeatureHash.Of(6).Add(Word(i - 2)).Value);
            f.Add(FeatureHash.Of(7).Add(Word(i + 2)).Value);
            f.Add(FeatureHash.Of(8).Add(Word(i - 1)).Add(w).Value);
            f.Add(FeatureHash.Of(9).Add(w).Add(Word(i + 1)).Value);
            f.Add(FeatureHash.Of(10).Add(Entity(i)).Value);
            f.Add(FeatureHash.Of(11).Add(Entity(i - 1)).Add(Entity(i + 1)).Value);
            f.Add(FeatureHash.Of(12).Add(bucket).Value);
            f.Add(FeatureHash.Of(13).Add(lexicon.Bucket(Word(i - 1))).Add(lexicon.Bucket(Word(i + 1))).Value);
            f.Add(FeatureHash.Of(14).Add(q).Value);
            f.Add(FeatureHash.Of(15).Add(q).Add(bucket).Value);
            f.Add(FeatureHash.Of(16).Add(i == sentenceFirst[i] ? 1 : 0).Add(i == sentenceLast[i] ? 1 : 0).Add(paragraphStart[i] ? 1 : 0).Value);
            f.Add(FeatureHash.Of(17).Add(leftDist).Add(leftWord).Value);
            f.Add(FeatureHash.Of(18).Add(leftDist).Value);
            f.Add(FeatureHash.Of(19).Add(rightDist).Add(rightWord).Value);
            f.Add(FeatureHash.Of(20).Add(rightDist).Value);
            f.Add(FeatureHash.Of(21).Add(leftDist).Add(rightDist).Add(q).Value);
            f.Add(FeatureHash.Of(22).Add(leftWord).Add(afterLeftCue).Value);
            f.Add(FeatureHash.Of(23).Add(fromStart).Add(toEnd).Value);
            f.Add(FeatureHash.Of(24).Add(sentenceHasCandidate.ContainsKey(sentence[i] - 1) ? 1 : 0)
                .Add(sentenceHasCandidate.ContainsKey(sentence[i]) ? 1 : 0).Add(sentenceHasCandidate.ContainsKey(sentence[i] + 1) ? 1 : 0).Value);
            f.Add(FeatureHash.Of(25).Add(Entity(i)).Add(rightDist).Value);
            f.Add(FeatureHash.Of(26).Add(Entity(i)).Add(leftDist).Value);
            if (rightDist is > 0 and <= 4) f.Add(FeatureHash.Of(27).Add(w).Add(rightDist).Value);
            if (leftDist is > 0 and <= 3) f.Add(FeatureHash.Of(28).Add(w).Add(leftDist).Value);
            f.Add(FeatureHash.Of(29).Add(shape[i]).Add(rightDist).Add(leftDist).Value);
            f.Add(FeatureHash.Of(30).Add(Word(i - 1)).Add(w).Add(Word(i + 1)).Value);
            f.Add(FeatureHash.Of(31).Add(closedBefore[i]).Add(opensAfter[i]).Add(q).Value);
            f.Add(FeatureHash.Of(32).Add(closedBefore[i]).Add(Entity(i)).Add(shape[i]).Value);
            f.Add(FeatureHash.Of(33).Add(Entity(i)).Add(rightWord).Add(rightDist).Value);
            f.Add(FeatureHash.Of(34).Add(leftWord).Add(leftDist).Add(q).Value);
            f.Add(FeatureHash.Of(35).Add(left[i] >= 0 ? lexicon.Bucket(leftWord) : -2).Add(right[i] >= 0 ? lexicon.Bucket(rightWord) : -2).Value);
            f.Add(FeatureHash.Of(36).Add(w).Add(q).Value);
            // Where one content ends and the next begins: a quotation opening, a sentence after a closing quote mark.
            var opens = tokens[i].Kind == TokenKind.Quote && quoted[i] && (i + 1 < n && quoted[i + 1]) && (i == 0 || !quoted[i - 1]);
            var afterClose = i > 0 && tokens[i - 1].Kind == TokenKind.Quote && quoted[i - 1] && !quoted[i];
            f.Add(FeatureHash.Of(BoundaryFeature).Add(opens ? 1 : 0).Add(afterClose ? 1 : 0).Add(i == sentenceFirst[i] ? 1 : 0).Add(paragraphStart[i] ? 1 : 0).Value);
            // Word classes from unlabelled text: a cue word never seen as one in training ("assails", "lingered")
            // shares its class with ones that were. After the boundary feature, which the history reads by position.
            for (var t = 0; t < clusters.Count; t++)
            {
                var (fine, coarse) = (fineClass[t][i], coarseClass[t][i]);
                var (coarseBefore, coarseAfter) = (Coarse(t, i - 1), Coarse(t, i + 1));
                f.Add(FeatureHash.Of(ClusterFeature).Add(t).Add(fine).Value);
                f.Add(FeatureHash.Of(ClusterFeature + 1).Add(t).Add(coarse).Add(q).Value);
                f.Add(FeatureHash.Of(ClusterFeature + 2).Add(t).Add(coarseBefore).Add(coarse).Value);
                f.Add(FeatureHash.Of(ClusterFeature + 3).Add(t).Add(coarse).Add(coarseAfter).Value);
                f.Add(FeatureHash.Of(ClusterFeature + 4).Add(t).Add(coarse).Add(leftDist).Add(rightDist).Value);
            }
            result[i] = f.ToArray();
        }
        return result;
    }

    /// <summary>
    /// The fixed features of a second, stacked pass: each token's own (<paramref name="prepared"/>) followed by what a
    /// first pass tagged around it (<paramref name="first"/>): its tag and its neighbours', the tag joined with the
    /// word, how far the nearest tagged cue stands on either side, and how long the tagged run holding it is.
    /// </summary>
    public static ulong[][] Stacked(ulong[][] prepared, int[] first)
    {
        var n = prepared.Length;
        int Tag(int i) => i < 0 || i >= n ? -2 : first[i];
        var cueLeft = new int[n];
        var cueRight = new int[n];
        for (int i = 0, last = -1; i < n; i++)
        {
            cueLeft[i] = last < 0 ? 0 : Distance(i - last);
            if (AttributionTags.RoleOf(first[i]) == AttributionRole.Cue) last = i;
        }
        for (int i = n - 1, next = -1; i >= 0; i--)
        {
            cueRight[i] = next < 0 ? 0 : Distance(next - i);
            if (AttributionTags.RoleOf(first[i]) == AttributionRole.Cue) next = i;
        }
        var runLength = new int[n];
        foreach (var (_, from, to) in AttributionTags.Spans(first))
            for (var i = from; i <= to; i++) runLength[i] = Distance(to - from + 1);
        var result = new ulong[n][];
        for (var i = 0; i < n; i++)
        {
            var own = prepared[i];
            var f = new ulong[own.Length + 7];
            own.CopyTo(f, 0);
            var k = own.Length;
            f[k++] = FeatureHash.Of(StackedFeature).Add(Tag(i)).Value;
            f[k++] = FeatureHash.Of(StackedFeature + 1).Add(Tag(i - 1)).Add(Tag(i)).Add(Tag(i + 1)).Value;
            f[k++] = FeatureHash.Of(StackedFeature + 2).Add(Tag(i - 2)).Add(Tag(i - 1)).Value;
            f[k++] = FeatureHash.Of(StackedFeature + 3).Add(Tag(i + 1)).Add(Tag(i + 2)).Value;
            f[k++] = (own[1] * 31) ^ FeatureHash.Of(StackedFeature + 4).Add(Tag(i)).Value;
            f[k++] = FeatureHash.Of(StackedFeature + 5).Add(cueLeft[i]).Add(cueRight[i]).Add(Tag(i)).Value;
            f[k++] = FeatureHash.Of(StackedFeature + 6).Add(runLength[i]).Add(Tag(i)).Value;
            result[i] = f;
        }
        return result;
    }

    private const int StackedFeature = 300;

    /// <summary>The token's fixed features followed by those of the two tags before it, in <paramref name="buffer"/>.</summary>
    public static int WithHistory(ulong[] fixedFeatures, int previous, int beforePrevious, ulong[] buffer)
    {
        fixedFeatures.CopyTo(buffer, 0);
        var k = fixedFeatures.Length;
        buffer[k++] = FeatureHash.Of(100).Add(previous).Value;
        buffer[k++] = FeatureHash.Of(101).Add(previous).Add(beforePrevious).Value;
        // Most fixed features matter differently inside a span than outside one: a few of them joined with the tag.
        for (var j = 1; j <= 5 && j < fixedFeatures.Length; j++) buffer[k++] = (fixedFeatures[j] * 31) ^ FeatureHash.Of(102).Add(previous).Value;
        buffer[k++] = (fixedFeatures[16] * 31) ^ FeatureHash.Of(103).Add(previous).Value;
        buffer[k++] = (fixedFeatures[14] * 31) ^ FeatureHash.Of(104).Add(previous).Value;
        buffer[k++] = (fixedFeatures[21] * 31) ^ FeatureHash.Of(105).Add(previous).Value;
        k += Boundaries(fixedFeatures, previous, buffer.AsSpan(k));
        return k;
    }

    private const int BoundaryFeature = 37;
    private const int ClusterFeature = 400;

    /// <summary>
    /// Whether a token inside a content run starts a new one: the boundary feature and the token's cue share,
    /// each joined with the tag before it (a cue word or a new quotation after content).
    /// </summary>
    private static int Boundaries(ulong[] fixedFeatures, int previous, Span<ulong> buffer)
    {
        if (fixedFeatures.Length <= BoundaryFeature) return 0;
        buffer[0] = (fixedFeatures[BoundaryFeature] * 31) ^ FeatureHash.Of(106).Add(previous).Value;
        buffer[1] = (fixedFeatures[12] * 31) ^ FeatureHash.Of(107).Add(previous).Value;
        return 2;
    }

    /// <summary>
    /// The features of <see cref="WithHistory"/> that depend on the previous tag alone, in <paramref name="buffer"/>;
    /// with <see cref="PairFeature"/> they are all of its history features, which lets a decoder score each
    /// previous tag once rather than each pair of them.
    /// </summary>
    public static int PreviousOnly(ulong[] fixedFeatures, int previous, Span<ulong> buffer)
    {
        var k = 0;
        buffer[k++] = FeatureHash.Of(100).Add(previous).Value;
        for (var j = 1; j <= 5 && j < fixedFeatures.Length; j++) buffer[k++] = (fixedFeatures[j] * 31) ^ FeatureHash.Of(102).Add(previous).Value;
        buffer[k++] = (fixedFeatures[16] * 31) ^ FeatureHash.Of(103).Add(previous).Value;
        buffer[k++] = (fixedFeatures[14] * 31) ^ FeatureHash.Of(104).Add(previous).Value;
        buffer[k++] = (fixedFeatures[21] * 31) ^ FeatureHash.Of(105).Add(previous).Value;
        k += Boundaries(fixedFeatures, previous, buffer[k..]);
        return k;
    }

    /// <summary>The one history feature of <see cref="WithHistory"/> that reads both tags before the token.</summary>
    public static ulong PairFeature(int previous, int beforePrevious) => FeatureHash.Of(101).Add(previous).Add(beforePrevious).Value;

    /// <summary>How many features <see cref="WithHistory"/> adds at most.</summary>
    public const int HistoryFeatures = 12;

    private static int Distance(int d) => d switch
    {
        <= 0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        <= 5 => 4,
        <= 8 => 5,
        <= 15 => 6,
        <= 30 => 7,
        _ => 8,
    };

    private static string Shape(string text)
    {
        var shape = new StringBuilder(4);
        var last = '\0';
        foreach (var c in text)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last) continue;
            shape.Append(k);
            last = k;
            if (shape.Length == 4) break;
        }
        return shape.ToString();
    }
}
