using Factdesk.Documents;
using Factdesk.Pipeline;
using Factdesk.Publishing;
using Factdesk.Quotes;
using Factdesk.Evidence;
using Factdesk.Segmentation;

namespace Factdesk.Review;

/// <summary>
/// Recognises a fact-check article and writes its review: the checked claim and claimant, the stated
/// verdict, and each quoted source with its stance toward the claim. Leaves <see cref="Document.Review"/>
/// null for articles that are not fact-checks. Needs quotes.
/// </summary>
/// <param name="scale">The rating scale stated verdicts are put on.</param>
/// <param name="stance">How each source's stance is read; by default the shipped classifier with the cue rules.</param>
public sealed class ReviewFinder(RatingScale scale, SourceStance? stance = null) : IStage, IPreloadable
{
    public ReviewFinder() : this(RatingScales.Default) { }

    // Loaded on first use (or by Preload), so that building a pipeline stays cheap.
    private readonly Lazy<SourceStance> _stance = new(() => stance ?? SourceStance.Default());

    public void Preload() => _ = _stance.Value;

    private static readonly string[] ClaimHeadings = ["what was claimed", "claim", "the claim", "claim checked"];

    private static readonly string[] FactCheckWords =
    [
        "fact check", "fact-check", "factcheck", "we rate", "our verdict", "verdict:", "disinfo:", "fake:", "claim:", "what was claimed",
        // Debunks written as prose, StopFake's "... disseminated this fake" and the like.
        "this fake", "the fake that", "debunked claim", "false claim", "baseless claim", "misleading claim",
    ];

    // "Russia claims that ... In fact, ...": a claim set against what is so.
    private static readonly string[] Rebuttals = ["in fact,", "in reality,", "contrary to", "the facts show", "a different picture"];

    public void Process(Document document)
    {
        if (document.ClaimReview is { } published && PublishedReview.Read(published) is var (publishedClaim, words))
        {
            var quoted = document.Quotes.FirstOrDefault(q => q.Text.Contains(publishedClaim.Text, StringComparison.OrdinalIgnoreCase)
                                                             || publishedClaim.Text.Contains(q.Text, StringComparison.OrdinalIgnoreCase) && q.Text.Length > 20);
            var stated = words is null ? null : OnScale(new Verdict(words, true));
            document.Review = new ReviewInfo(publishedClaim, stated, Sources(document, publishedClaim, quoted));
            return;
        }
        var header = HeaderLayout.Find(document, QuotationMarkScanner.Scan(document.Text));
        var claimQuote = header is not null
            ? document.Quotes.FirstOrDefault(q => q.Start == header.Quote.Start)
            : CheckedStatement(document);
        var verdict = OnScale(VerdictFinder.Find(document, claimQuote?.End ?? 0));
        var lower = document.Text.ToLowerInvariant();
        var isFactCheck = header is not null || verdict is not null || FactCheckWords.Any(lower.Contains) || TitleJudgesAClaim(document)
                          || lower.Contains(" claim", StringComparison.Ordinal) && Rebuttals.Any(lower.Contains);
        if (!isFactCheck) return;

        var labelled = header is null ? LabelledClaim(document) : null;
        var claim = labelled ?? (claimQuote is not null
            ? Reviewed(document, claimQuote, header is null ? Claimant(document, claimQuote) : claimQuote.Speaker)
            : null);
        if (labelled is not null) claimQuote = null;
        if (claim is null) return;
        document.Review = new ReviewInfo(claim, verdict, Sources(document, claim, claimQuote));
    }

    /// <summary>The stated verdict as a label of the active scale; words the scale cannot place keep their text.</summary>
    private Verdict? OnScale(Verdict? stated)
    {
        if (stated is null || scale.Map(stated.Label) is not { } label) return stated;
        return label.Name == stated.Label ? stated : new Verdict(label.Name, stated.Stated, stated.Label);
    }

    /// <summary>The statement a fact-check without a header layout checks: PolitiFact's "X stated on DATE in SOURCE: “...”", else the first attributed statement.</summary>
    private static Quote? CheckedStatement(Document document)
    {
        var lower = document.Text.ToLowerInvariant();
        var stated = lower.IndexOf(" stated on ", StringComparison.Ordinal);
        if (stated >= 0 && document.Quotes.FirstOrDefault(q => q.Kind == QuoteKind.Direct && q.Start > stated && q.Start - stated < 300) is { } quote)
            return quote;
        var limit = document.Text.Length * 6 / 10;
        var candidates = document.Quotes.Where(q => q.Start < limit && q.Speaker is not null && (q.Kind == QuoteKind.Direct || q.Text.Length > 30)).ToList();
        return HeadlineClaim.Of(document)?.Choose(candidates, document.Quotes) ?? candidates.FirstOrDefault();
    }

    // How far back the named speaker of a described source's words is looked for.
    private const int ReporterWindow = 600;

    /// <summary>
    /// "Khumalo told Times LIVE that ... The article added that “according to his research ...”": words a described
    /// source (an article, a post, a screenshot's text) relays right after a named speaker are that speaker's claim.
    /// </summary>
    private static Speaker? Claimant(Document document, Quote quote)
    {
        if (quote.Speaker is { Name: not null }) return quote.Speaker;
        var named = document.Quotes.LastOrDefault(q => q.Start < quote.Start && quote.Start - q.End < ReporterWindow && q.Speaker is { Name: not null });
        return named?.Speaker ?? quote.Speaker;
    }

    /// <summary>Headlines such as "China repeats false claim that ..." or "Claim that ... wildly incorrect".</summary>
    private static bool TitleJudgesAClaim(Document document)
    {
        var title = (document.Source.Title ?? document.Text[..Math.Min(document.Text.Length, 300)].Split('\n')[0]).ToLowerInvariant();
        if (!title.Contains("claim", StringComparison.Ordinal)) return false;
        return VerdictFinder.Lexicon.Any(v => (" " + title + " ").Contains(" " + v + " ", StringComparison.Ordinal));
    }

    /// <summary>"Claim: ..." lines and the EUvsDisinfo "Disinfo: ..." title.</summary>
    private static ReviewedClaim? LabelledClaim(Document document)
    {
        if (VerdictFinder.LineAfterHeading(document.Text, ClaimHeadings) is { Length: > 10 } underHeading)
            return new ReviewedClaim(underHeading, null, null);
        var lines = document.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            foreach (var label in new[] { "Claim:", "Disinfo:", "Fake:" })
                if (trimmed.StartsWith(label, StringComparison.OrdinalIgnoreCase) && trimmed.Length > label.Length + 10)
                    return new ReviewedClaim(Summarised(trimmed[label.Length..].Trim(), lines, i + 1), null, null);
        }
        return null;
    }

    private const int MaxClaimSummary = 600;

    /// <summary>
    /// EUvsDisinfo's title names the claim and the paragraph under it states it in full ("X. US experts have compiled
    /// ..."): when the next paragraph opens with the title's words, that paragraph is the claim.
    /// </summary>
    private static string Summarised(string claim, string[] lines, int next)
    {
        while (next < lines.Length && lines[next].Trim().Length == 0) next++;
        if (next == lines.Length) return claim;
        var paragraph = lines[next].Trim();
        return paragraph.Length <= MaxClaimSummary && paragraph.Length > claim.Length
               && paragraph.StartsWith(claim.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            ? paragraph
            : claim;
    }

    private static ReviewedClaim Reviewed(Document document, Quote quote, Speaker? claimant)
    {
        var (date, where) = ClaimSetting.Around(document, quote);
        // A header's quote stands alone; the prose tells the occasion where it reports the same speaker: "On April 17, ... Zakharova claimed that".
        if (date is null && where is null && claimant is not null
            && document.Quotes.FirstOrDefault(q => q.Start > quote.End && q.Speaker == claimant) is { } retold)
            (date, where) = ClaimSetting.Around(document, retold);
        return new ReviewedClaim(quote.Text, claimant, date, where);
    }

    private List<EvidenceSource> Sources(Document document, ReviewedClaim claim, Quote? claimQuote)
    {
        var bySpeaker = new Dictionary<Speaker, (Quote Quote, Stance Stance, bool OwnWords)>();
        foreach (var quote in document.Quotes)
        {
            if (quote.Speaker is null || quote == claimQuote) continue;
            var context = document.Sentences.SentenceAt(quote.Start) is { } s ? document.Slice(s) : quote.Text;
            var sharesEntity = SharesEntity(document, claimQuote, quote);
            var stance = SameSpeaker(quote.Speaker, claim.Claimant)
                ? Stance.Supports
                : _stance.Value.Predict(claim.Text, quote.Text, context, sharesEntity);
            if (stance == Stance.Unrelated) continue;
            // A quote whose own words carry the stance shows it better than one whose sentence does.
            var ownWords = _stance.Value.Predict(claim.Text, quote.Text, quote.Text, sharesEntity) == stance;
            if (!bySpeaker.TryGetValue(quote.Speaker, out var best) || Strength(stance) > Strength(best.Stance)
                || stance == best.Stance && (ownWords && !best.OwnWords || ownWords == best.OwnWords && Preferred(quote, best.Quote)))
                bySpeaker[quote.Speaker] = (quote, stance, ownWords);
        }
        return bySpeaker.OrderBy(p => p.Value.Quote.Start)
            .Select(p => new EvidenceSource(p.Key, p.Value.Quote.Text, p.Value.Stance))
            .ToList();
    }

    // Of two quotes with one stance, the direct one, then the longer one, shows the source's words best.
    private static bool Preferred(Quote candidate, Quote current) =>
        candidate.Kind != current.Kind ? candidate.Kind == QuoteKind.Direct : candidate.Text.Length > current.Text.Length;

    private static bool SharesEntity(Document document, Quote? claimQuote, Quote quote)
    {
        if (claimQuote is null) return false;
        var inClaim = document.Entities.Within(claimQuote.Start, claimQuote.End).Where(e => e.Type != EntityType.Date)
            .Select(e => e.Canonical).ToHashSet();
        return document.Entities.Within(quote.Start, quote.End).Any(e => inClaim.Contains(e.Canonical));
    }

    private static bool SameSpeaker(Speaker a, Speaker? b) =>
        b is not null && (a.Name is not null ? a.Name == b.Name : a == b);

    private static int Strength(Stance stance) => stance switch
    {
        Stance.Refutes => 3,
        Stance.Supports => 2,
        Stance.Discusses => 1,
        _ => 0,
    };
}
