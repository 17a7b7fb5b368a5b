using Factdesk.Clustering;
using Factdesk.Documents;
using Factdesk.Learning;

namespace Factdesk.Entities;

/// <summary>
/// The features the entity tagger sees at each token: the word, its lower case, shape, prefixes and suffixes,
/// the words and shapes two either side, whether the sentence is an all-caps headline, spans found in the
/// training names and in the shipped alias table, the word clusters (fine and coarse) of the word and its
/// neighbours when the model has a cluster table, and (while decoding) the two tags before it.
/// </summary>
internal sealed class NerFeatures(NameList names, Gazetteer aliases, IReadOnlyList<WordClusters> clusters)
{
    private enum T
    {
        Bias = 1, Word, Lower, Shape, ShortShape, Prefix, Suffix, SentenceStart, Context, ContextShape,
        BigramLeft, BigramRight, ShapeTrigram, Headline, Name, Alias, PreviousTag, PreviousTags, PreviousTagWord,
        PreviousTagShape, NameAround, HeadlineWord, SeenLower, History, CaseElsewhere, FineCluster, CoarseCluster,
    }

    private const int ShapeLength = 16;

    /// <summary>A sentence's tag-independent features, computed once before decoding.</summary>
    public sealed class Sentence(IReadOnlyList<string> tokens, List<ulong> features, int[] offsets)
    {
        public IReadOnlyList<string> Tokens => tokens;

        public ReadOnlySpan<ulong> At(int i) =>
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features)[offsets[i]..offsets[i + 1]];
    }

    public Sentence Prepare(IReadOnlyList<string> tokens, IReadOnlyDictionary<ulong, byte>? ownNames = null, NerDocumentContext? document = null)
    {
        var n = tokens.Count;
        var nameBits = new ushort[n];
        var aliasBits = new ushort[n];
        FindNames(tokens, ownNames, nameBits, aliasBits);
        var headline = IsHeadline(tokens);
        var lower = new string[n];
        for (var i = 0; i < n; i++) lower[i] = tokens[i].ToLowerInvariant();
        var shapes = new ulong[n];
        for (var i = 0; i < n; i++) shapes[i] = ShapeHash(T.ShortShape, tokens[i], collapse: true);
        var fine = new int[clusters.Count][];
        var coarse = new int[clusters.Count][];
        for (var t = 0; t < clusters.Count; t++)
        {
            fine[t] = new int[n];
            coarse[t] = new int[n];
            for (var i = 0; i < n; i++) clusters[t].TryGet(tokens[i], out fine[t][i], out coarse[t][i]);
        }

        // About 32 features a token plus 6 for each cluster table; guessing short would double the list late.
        var features = new List<ulong>(n * (36 + 6 * clusters.Count));
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var word = tokens[i];
            var low = lower[i];
            features.Add(FeatureHash.Of((int)T.Bias).Value);
            features.Add(FeatureHash.Of((int)T.Word).Add(word).Value);
            features.Add(FeatureHash.Of((int)T.Lower).Add(low).Value);
            features.Add(ShapeHash(T.Shape, word, collapse: false));
            features.Add(shapes[i]);
            for (var k = 1; k <= 4 && k <= low.Length; k++)
            {
                features.Add(FeatureHash.Of((int)T.Prefix).Add(k).Add(low.AsSpan(0, k)).Value);
                features.Add(FeatureHash.Of((int)T.Suffix).Add(k).Add(low.AsSpan(low.Length - k)).Value);
            }
            features.Add(FeatureHash.Of((int)T.SentenceStart).Add(i == 0 ? 1 : 0).Add((int)shapes[i]).Value);
            for (var d = -2; d <= 2; d++)
            {
                if (d == 0) continue;
                var j = i + d;
                var context = j < 0 ? "<s>" : j >= n ? "</s>" : lower[j];
                var contextShape = j < 0 || j >= n ? 0UL : shapes[j];
                features.Add(FeatureHash.Of((int)T.Context).Add(d).Add(context).Value);
                features.Add(FeatureHash.Of((int)T.ContextShape).Add(d).Add((int)contextShape).Add((int)(contextShape >> 32)).Value);
            }
            features.Add(FeatureHash.Of((int)T.BigramLeft).Add(i > 0 ? lower[i - 1] : "<s>").Add(low).Value);
            features.Add(FeatureHash.Of((int)T.BigramRight).Add(low).Add(i + 1 < n ? lower[i + 1] : "</s>").Value);
            features.Add(FeatureHash.Of((int)T.ShapeTrigram)
                .Add((int)(i > 0 ? shapes[i - 1] : 0)).Add((int)shapes[i]).Add((int)(i + 1 < n ? shapes[i + 1] : 0)).Value);
            for (var t = 0; t < fine.Length; t++) AddClusters(features, t, fine[t], coarse[t], i);
            document?.AddFeatures(features, word, low, headline);
            if (headline)
            {
                features.Add(FeatureHash.Of((int)T.Headline).Add((int)shapes[i]).Value);
                features.Add(FeatureHash.Of((int)T.HeadlineWord).Add(low).Value);
            }
            AddBits(features, T.Name, nameBits[i]);
            AddBits(features, T.Alias, aliasBits[i]);
            if (i > 0) AddBits(features, T.NameAround, (ushort)(nameBits[i - 1] & 0x7777 | (aliasBits[i - 1] != 0 ? 0x8000 : 0)), -1);
            if (i + 1 < n) AddBits(features, T.NameAround, (ushort)(nameBits[i + 1] & 0x7777 | (aliasBits[i + 1] != 0 ? 0x8000 : 0)), 1);
            offsets[i + 1] = features.Count;
        }
        return new Sentence(tokens, features, offsets);
    }

    /// <summary>What the rest of a document says about a word: <see cref="NerDocumentContext"/>'s three features.</summary>
    public static ulong SeenLowerFeature => FeatureHash.Of((int)T.SeenLower).Value;

    public static ulong HistoryFeature(int type) => FeatureHash.Of((int)T.History).Add(type).Value;

    public static ulong CaseElsewhereFeature(string word) => ShapeHash(T.CaseElsewhere, word, collapse: true);

    /// <summary>Features that depend on the tags already chosen to the left.</summary>
    public static void AddPreviousTags(List<ulong> features, string word, int previous, int beforePrevious)
    {
        features.Add(FeatureHash.Of((int)T.PreviousTag).Add(previous).Value);
        features.Add(FeatureHash.Of((int)T.PreviousTags).Add(beforePrevious).Add(previous).Value);
        features.Add(FeatureHash.Of((int)T.PreviousTagWord).Add(previous).AddLower(word).Value);
        features.Add(FeatureHash.Of((int)T.PreviousTagShape).Add(previous).Add((int)ShapeHash(T.ShortShape, word, collapse: true)).Value);
    }

    // Word classes of the word and its neighbours: a rare or unseen name borrows what its class's words learned.
    // Several tables (k-means from different seeds) vote together, which evens out an unlucky clustering.
    private static void AddClusters(List<ulong> features, int table, int[] fine, int[] coarse, int i)
    {
        for (var d = -1; d <= 1; d++)
        {
            var j = i + d;
            var f = j < 0 ? -2 : j >= fine.Length ? -3 : fine[j];
            var c = j < 0 ? -2 : j >= fine.Length ? -3 : coarse[j];
            features.Add(FeatureHash.Of((int)T.FineCluster).Add(table).Add(d).Add(f).Value);
            features.Add(FeatureHash.Of((int)T.CoarseCluster).Add(table).Add(d).Add(c).Value);
        }
    }

    private static void AddBits(List<ulong> features, T template, ushort bits, int position = 0)
    {
        for (var b = 0; bits != 0; b++, bits >>= 1)
            if ((bits & 1) != 0) features.Add(FeatureHash.Of((int)template).Add(position).Add(b).Value);
    }

    // Bit 4 * type + position, position 0 Begin, 1 Inside, 2 Last, 3 Unit.
    private void FindNames(IReadOnlyList<string> tokens, IReadOnlyDictionary<ulong, byte>? ownNames, ushort[] nameBits, ushort[] aliasBits)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length == 0 || !char.IsUpper(tokens[i][0])) continue;
            var aliasStart = aliases.CanStartAlias(tokens[i]);
            for (var length = 1; length <= NameList.MaxTokens && i + length <= tokens.Count; length++)
            {
                Mark(nameBits, i, length, names.Lookup(NameList.Key(tokens, i, length), ownNames));
                if (length <= 4 && (aliasStart || length == 1)) Mark(aliasBits, i, length, AliasTypes(tokens, i, length, aliasStart));
            }
        }
    }

    private byte AliasTypes(IReadOnlyList<string> tokens, int start, int length, bool aliasStart)
    {
        var surface = length == 1 ? tokens[start] : string.Join(' ', Enumerable.Range(start, length).Select(k => tokens[k]));
        if (aliasStart && aliases.TryLookup(surface, out _, out var type))
            return type switch
            {
                EntityType.Person => 1,
                EntityType.Org => 2,
                EntityType.Location => 4,
                EntityType.Misc => 8,
                _ => 0,
            };
        return length == 1 && aliases.IsDemonym(surface) ? (byte)8 : (byte)0;
    }

    private static void Mark(ushort[] bits, int start, int length, byte types)
    {
        for (var type = 0; types != 0; type++, types >>= 1)
        {
            if ((types & 1) == 0) continue;
            if (length == 1)
            {
                bits[start] |= (ushort)(1 << (4 * type + 3));
                continue;
            }
            for (var k = start; k < start + length; k++)
                bits[k] |= (ushort)(1 << (4 * type + (k == start ? 0 : k == start + length - 1 ? 2 : 1)));
        }
    }

    // Reuters headlines and datelines are in capitals, where case says nothing about names.
    private static bool IsHeadline(IReadOnlyList<string> tokens)
    {
        int words = 0, capitals = 0;
        foreach (var t in tokens)
        {
            if (t.Length < 2 || !t.Any(char.IsLetter)) continue;
            words++;
            if (!t.Any(char.IsLower)) capitals++;
        }
        return words >= 2 && capitals >= 0.8 * words;
    }

    /// <summary>"Reuters-2" as "Xxxxxxx-d" (or "Xx-d" collapsed), hashed.</summary>
    private static ulong ShapeHash(T template, string word, bool collapse)
    {
        Span<char> shape = stackalloc char[ShapeLength];
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (collapse && length > 0 && shape[length - 1] == s) continue;
            if (length == ShapeLength) break;
            shape[length++] = s;
        }
        return FeatureHash.Of((int)template).Add(shape[..length]).Value;
    }

    /// <summary>
    /// Tags a sentence left to right, each token taking the best tag allowed after the previous one. With a
    /// <paramref name="learner"/> and <paramref name="gold"/> tags, every decision is also a training step.
    /// </summary>
    public static int[] Decode(Sentence sentence, ILinearScorer scorer, AveragedPerceptron? learner = null, int[]? gold = null)
    {
        var n = sentence.Tokens.Count;
        var tags = new int[n];
        var buffer = new List<ulong>(64);
        Span<float> scores = stackalloc float[scorer.Classes];
        int previous = -1, beforePrevious = -1;
        for (var i = 0; i < n; i++)
        {
            buffer.Clear();
            buffer.AddRange(sentence.At(i));
            AddPreviousTags(buffer, sentence.Tokens[i], previous, beforePrevious);
            var features = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
            scores.Clear();
            scorer.AddScores(features, scores);
            var best = -1;
            var prev = Math.Max(previous, BilouTags.O);
            for (var c = 0; c < scores.Length; c++)
                if (BilouTags.Allowed(prev, c, i == n - 1) && (best < 0 || scores[c] > scores[best])) best = c;
            learner?.Update(features, gold![i], best);
            tags[i] = best;
            beforePrevious = previous;
            previous = best;
        }
        return tags;
    }
}
