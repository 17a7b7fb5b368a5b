namespace Factdesk.Evidence;

/// <summary>
/// The numbers the stance model learns from, for one (claim, text) pair: how much the text is about the claim
/// (TF-IDF cosine of words, of character 4-grams, of the best-matching sentence; shared terms, bigrams, names and
/// numbers) and how it speaks about it (refuting, hedging, supporting and negation cues in the whole text, its lead
/// and the sentences closest to the claim, and each cue on its own).
/// </summary>
public sealed class StanceFeatures(TermWeights weights)
{
    private static readonly string[] HedgingPhrases =
    [
        "reportedly", "allegedly", "alleged", "claim", "claims", "claimed", "according to", "unconfirmed", "unverified",
        "rumor", "rumors", "rumour", "rumours", "may", "might", "could", "appears", "apparently", "purportedly",
        "purported", "if true", "said to", "believed to", "suggest", "suggests", "possibly", "speculation", "report",
        "reports", "reported", "sources", "unclear", "not clear", "whether",
    ];

    private static readonly string[] NegationWords = ["not", "no", "never", "nothing", "none", "neither", "nor", "n't", "without", "cannot"];

    /// <summary>Every cue counted on its own as well, so the model can weigh "hoax" apart from "wrong".</summary>
    private static readonly string[] AllCues =
        StanceRules.RefutingPhrases.Concat(StanceRules.SupportingPhrases).Concat(HedgingPhrases).Distinct().ToArray();

    private static readonly HashSet<string> Stop =
        StanceRules.StopWords.Select(w => StanceText.Tokenize(w).FirstOrDefault() ?? w).ToHashSet(StringComparer.Ordinal);

    public static int Count => 38 + AllCues.Length;

    /// <summary>A text with its weighted vectors, computed once however many claims it is compared with.</summary>
    public sealed class Prepared
    {
        internal Prepared(StanceText text, TermWeights weights)
        {
            Text = text;
            Content = text.Terms.Where(IsContent).ToArray();
            Vector = Normalised(Content, weights);
            Lead = Normalised(text.Sentences.Take(3).SelectMany(s => s).Where(IsContent), weights);
            SentenceVectors = text.Sentences.Select(s => Normalised(s.Where(IsContent), weights)).ToArray();
            Grams = CharGrams(text.Lower);
            Bigrams = Pairs(text.Terms).ToHashSet(StringComparer.Ordinal);
        }

        public StanceText Text { get; }
        internal string[] Content { get; }
        internal Dictionary<string, float> Vector { get; }
        internal Dictionary<string, float> Lead { get; }
        internal Dictionary<string, float>[] SentenceVectors { get; }
        internal Dictionary<string, float> Grams { get; }
        internal HashSet<string> Bigrams { get; }
    }

    public TermWeights Weights { get; } = weights;

    public Prepared Prepare(string text) => new(StanceText.Of(text), Weights);

    public float[] Compute(Prepared claim, Prepared body)
    {
        var f = new List<float>(Count);
        var b = body.Text;
        var claimTerms = claim.Content.Distinct().ToArray();
        var inBody = new HashSet<string>(body.Content, StringComparer.Ordinal);
        var leadTerms = b.Sentences.Take(3).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);

        f.Add(Cosine(claim.Vector, body.Vector));
        f.Add(Cosine(claim.Vector, body.Lead));
        var bySentence = body.SentenceVectors.Select(s => Cosine(claim.Vector, s)).ToArray();
        var ranked = Enumerable.Range(0, bySentence.Length).OrderByDescending(i => bySentence[i]).ToArray();
        f.Add(ranked.Length > 0 ? bySentence[ranked[0]] : 0);
        f.Add(ranked.Length > 0 ? ranked.Take(3).Average(i => bySentence[i]) : 0);
        f.Add(ranked.Length > 0 ? (float)ranked[0] / ranked.Length : 1);
        f.Add(bySentence.Length > 0 ? (float)bySentence.Count(c => c > 0.2f) / bySentence.Length : 0);
        f.Add(Cosine(claim.Grams, body.Grams));

        var shared = claimTerms.Where(inBody.Contains).ToArray();
        var claimWeight = claimTerms.Sum(Weights.Of);
        f.Add(claimTerms.Length == 0 ? 0 : (float)shared.Length / claimTerms.Length);
        f.Add(claimWeight == 0 ? 0 : shared.Sum(Weights.Of) / claimWeight);
        f.Add(shared.Length);
        f.Add(claimTerms.Length == 0 ? 0 : (float)claimTerms.Count(leadTerms.Contains) / claimTerms.Length);
        var best = ranked.Length > 0 ? b.Sentences[ranked[0]].ToHashSet(StringComparer.Ordinal) : [];
        f.Add(claimTerms.Length == 0 ? 0 : (float)claimTerms.Count(best.Contains) / claimTerms.Length);
        f.Add(claim.Bigrams.Count == 0 ? 0 : (float)claim.Bigrams.Count(body.Bigrams.Contains) / claim.Bigrams.Count);
        f.Add(claimTerms.Length);
        f.Add(MathF.Log(1 + b.Terms.Length));
        f.Add(claim.Text.Numbers.Count);
        f.Add(claim.Text.Numbers.Count == 0 ? -1 : (float)claim.Text.Numbers.Count(b.Numbers.Contains) / claim.Text.Numbers.Count);
        f.Add(claim.Text.Capitalised.Count);
        f.Add(claim.Text.Capitalised.Count == 0 ? -1 : (float)claim.Text.Capitalised.Count(c => b.Lower.Contains(c, StringComparison.Ordinal)) / claim.Text.Capitalised.Count);

        // Cues where the body speaks of the claim weigh more than cues anywhere in it.
        var near = string.Concat(ranked.Take(3).Select(i => b.SentenceLower[i]));
        var lead = string.Concat(b.SentenceLower.Take(3));
        var perWord = 100f / Math.Max(1, b.Terms.Length);
        foreach (var cues in new[] { StanceRules.RefutingPhrases, HedgingPhrases, StanceRules.SupportingPhrases })
        {
            var all = Occurrences(b.Lower, cues);
            f.Add(all * perWord);
            f.Add(MathF.Log(1 + all));
            f.Add(Occurrences(near, cues));
            f.Add(Occurrences(lead, cues));
            f.Add(Occurrences(claim.Text.Lower, cues));
        }
        var negations = b.Terms.Count(NegationWords.Contains) + CountOf(b.Lower, "n't");
        f.Add(negations * perWord);
        f.Add(Occurrences(near, NegationWords));
        f.Add(claim.Text.Terms.Count(NegationWords.Contains) + CountOf(claim.Text.Lower, "n't"));
        f.Add(claim.Text.Raw.Contains('?') ? 1 : 0);
        foreach (var cue in AllCues)
            f.Add(CountOf(b.Lower, cue) * perWord);
        return f.ToArray();
    }

    private static bool IsContent(string term) => !Stop.Contains(term) && term.Length > 1;

    private static int Occurrences(string text, string[] phrases) => phrases.Sum(p => CountOf(text, p));

    private static int CountOf(string text, string phrase)
    {
        var count = 0;
        var i = 0;
        while ((i = text.IndexOf(phrase, i, StringComparison.Ordinal)) >= 0)
        {
            var before = i == 0 || !char.IsLetter(text[i - 1]);
            var after = i + phrase.Length >= text.Length || !char.IsLetter(text[i + phrase.Length]);
            if (before && after || phrase == "n't") count++;
            i += phrase.Length;
        }
        return count;
    }

    private static Dictionary<string, float> Normalised(IEnumerable<string> terms, TermWeights weights)
    {
        var vector = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in terms)
            vector[term] = vector.GetValueOrDefault(term) + 1;
        foreach (var term in vector.Keys)
            vector[term] *= weights.Of(term);
        return UnitLength(vector);
    }

    private static Dictionary<string, float> CharGrams(string lower)
    {
        var grams = new Dictionary<string, float>(StringComparer.Ordinal);
        var letters = new string(lower.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
        for (var i = 0; i + 4 <= letters.Length; i++)
        {
            var gram = letters.Substring(i, 4);
            if (gram.Trim().Length < 3) continue;
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        return UnitLength(grams);
    }

    private static Dictionary<string, float> UnitLength(Dictionary<string, float> vector)
    {
        var norm = MathF.Sqrt(vector.Values.Sum(v => v * v));
        if (norm > 0)
            foreach (var key in vector.Keys)
                vector[key] /= norm;
        return vector;
    }

    private static float Cosine(Dictionary<string, float> a, Dictionary<string, float> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var dot = 0f;
        foreach (var (key, value) in a)
            if (b.TryGetValue(key, out var other)) dot += value * other;
        return dot;
    }

    private static IEnumerable<string> Pairs(string[] terms)
    {
        for (var i = 0; i + 1 < terms.Length; i++)
            if (IsContent(terms[i]) || IsContent(terms[i + 1]))
                yield return terms[i] + " " + terms[i + 1];
    }
}
