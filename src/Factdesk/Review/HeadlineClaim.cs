using Factdesk.Documents;
using Factdesk.Matching;

namespace Factdesk.Review;

/// <summary>
/// The words a fact-check's headline uses for the claim it checks ("Claim that 13 million international migrants
/// live in SA wildly incorrect"), without the verdict and the genre words. Among an article's attributed
/// statements, the one that shares most of them is the checked one: the first quote of a fact-check is as
/// often a reaction or a screenshot's caption as the claim itself.
/// </summary>
internal sealed class HeadlineClaim
{
    private static readonly HashSet<string> GenreWords = new(StringComparer.Ordinal)
    {
        "claim", "repeat", "fact", "check", "checking", "say", "said", "post", "viral", "share", "shared", "video", "photo",
        "image", "story", "report", "wrong", "right", "misleads", "mislead", "debunk", "debunked", "fals", "no", "not",
    };

    private readonly List<string> _terms;

    private HeadlineClaim(List<string> terms) => _terms = terms;

    // Fewer shared words than this is chance: "Ukraine" alone is in every sentence of a story about Ukraine.
    private const int MinShared = 2;

    public static HeadlineClaim? Of(Document document)
    {
        // A first line longer than a headline is the story's first paragraph; only its opening counts.
        var title = document.Source.Title ?? VerdictFinder.FirstLine(document.Text[..Math.Min(document.Text.Length, 300)]);
        if (string.IsNullOrWhiteSpace(title)) return null;
        var verdictWords = VerdictFinder.Lexicon.SelectMany(SearchTerms.Of).ToHashSet(StringComparer.Ordinal);
        var terms = SearchTerms.Of(title).Where(t => !verdictWords.Contains(t) && !GenreWords.Contains(t)).Distinct().ToList();
        return terms.Count >= MinShared ? new HeadlineClaim(terms) : null;
    }

    /// <summary>How many of the headline's claim words <paramref name="statement"/> has; stems meet by prefix ("live"/"living").</summary>
    public int Shared(string statement)
    {
        var words = SearchTerms.Of(statement);
        return _terms.Count(t => words.Any(w => SameStem(t, w)));
    }

    private static bool SameStem(string a, string b) =>
        a == b || Math.Min(a.Length, b.Length) >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>
    /// The statement the headline names, when one shares enough of its words; the earliest on a tie. A paraphrase
    /// ("said that the U.S. has biolabs") gives way to the same speaker's own words when they are quoted too.
    /// </summary>
    public Quote? Choose(IReadOnlyList<Quote> candidates, IReadOnlyList<Quote> all)
    {
        Quote? best = null;
        var bestShared = MinShared - 1;
        foreach (var quote in candidates)
        {
            var shared = Shared(quote.Text);
            if (shared > bestShared) (best, bestShared) = (quote, shared);
        }
        if (best is not { Kind: QuoteKind.Indirect, Speaker.Name: not null }) return best;
        var verbatim = all.Where(q => q.Kind == QuoteKind.Direct && q.Speaker == best.Speaker && q.Text.Length > 30)
            .Select(q => (Quote: q, Shared: Shared(q.Text)))
            .Where(p => p.Shared >= Math.Max(1, bestShared / 2))
            .OrderByDescending(p => p.Shared).ThenBy(p => p.Quote.Start)
            .FirstOrDefault();
        return verbatim.Quote ?? best;
    }
}
