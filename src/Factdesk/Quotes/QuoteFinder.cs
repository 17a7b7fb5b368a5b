using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Pipeline;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Finds direct quotations with their speakers and cues, then reported speech without quotation marks.
/// Leaves out titles of works, scare quotes and single quoted words. Needs sentences, tokens and entities.
/// </summary>
public sealed class QuoteFinder : IStage
{
    private const int MinWordsAlone = 4;    // a quotation this long is a quote even without a cue
    private const int MinWordsWithCue = 2;  // shorter ones count only inside reported speech: said it would be “long and difficult”

    public void Process(Document document)
    {
        var spans = OuterSpans(document);
        var header = HeaderLayout.Find(document, spans);
        var profiles = new PersonProfiles(document, header);
        var resolver = new SpeakerResolver(document, profiles);
        var quotations = new Quotations(spans);
        var direct = new DirectQuoteAttribution(document, resolver, quotations);

        Quote? previous = null;
        foreach (var span in spans)
        {
            var words = Words.Count(document.Text, span.Start, span.End);
            if (words < MinWordsWithCue) continue;
            var fromHeader = span == header?.Quote;
            var (speaker, cue) = fromHeader ? (profiles.SpeakerFor(header!.Speaker.Name!) is var s && s.Title is null ? header.Speaker : s, null) : direct.Attribute(span);
            var speakerSpan = fromHeader || speaker is null ? null : resolver.LastSpan;
            if (speaker is null && cue is null && words >= MinWordsAlone && previous is not null && SameParagraph(document.Text, previous.End, span.Open))
            {
                speaker = previous.Speaker; // a quotation that goes on after "... ,” said X. “..."
                speakerSpan = previous.SpeakerStart is { } from ? (from, previous.SpeakerEnd!.Value) : null;
            }
            if (words < MinWordsAlone && cue is null) continue;
            if (words >= MinWordsAlone && cue is null && IsTitleCase(document, span)) continue;
            var end = span.End;
            while (end > span.Start && document.Text[end - 1] is ',' or ' ' or '\n') end--; // the comma of "“...,” he said" is the sentence's
            var quote = new Quote(document.Text[span.Start..end], span.Start, end, QuoteKind.Direct, cue, speaker, speakerSpan?.Start, speakerSpan?.End);
            document.Quotes.Add(quote);
            if (speaker is not null) resolver.Remember(span.Start, speaker);
            previous = quote;
        }
        document.Quotes.AddRange(new ReportedSpeechFinder(document, resolver, quotations).Find());
        document.Quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Quotations that are not inside another one and are not titles of works.</summary>
    private static List<QuotationSpan> OuterSpans(Document document)
    {
        var titles = WorkTitles.Find(document);
        var spans = new List<QuotationSpan>();
        foreach (var span in QuotationMarkScanner.Scan(document.Text))
        {
            if (spans.Count > 0 && span.Open < spans[^1].Close) continue;
            if (titles.Any(t => t.Start == span.Open)) continue;
            spans.Add(span);
        }
        return spans;
    }

    private static bool SameParagraph(string text, int from, int to) =>
        to > from && text.AsSpan(from, to - from).IndexOf("\n\n") < 0;

    // A quotation that capitalises nearly every word names something ("Counter Jihad: ...") rather than saying it.
    private static bool IsTitleCase(Document document, QuotationSpan span)
    {
        var tokens = document.Tokens;
        var share = Words.CapitalisedShare(tokens, tokens.FirstAtOrAfter(span.Start), tokens.FirstAtOrAfter(span.End), out var words);
        return words >= 3 && share >= 0.8;
    }
}
