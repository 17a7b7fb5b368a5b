using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Attributes one quotation: after it ("“...,” said X" / "“...,” X said") or before it within its sentence
/// ("X said: “...”", "According to X, ... “...”"), the nearest cue first.
/// </summary>
internal sealed class DirectQuoteAttribution(Document document, SpeakerResolver resolver, Quotations quotations)
{
    private const int MaxTokensAfter = 30;
    private const int MaxTokensBefore = 60;
    private const int MaxCharsAfter = 400;

    public (Speaker? Speaker, string? Cue) Attribute(QuotationSpan span)
    {
        var text = document.Text;
        var continues = span.End > span.Start && text[span.End - 1] is ',' or '?' or '!' || FollowedByComma(span);
        if (continues && After(span) is { Speaker: not null } after) return after;
        if (Before(span) is { Speaker: not null } before) return before;
        return After(span) is { Speaker: not null } late ? late : (null, null);
    }

    private bool FollowedByComma(QuotationSpan span)
    {
        var i = span.Close + 1;
        while (i < document.Text.Length && document.Text[i] == ' ') i++;
        return i < document.Text.Length && document.Text[i] == ',';
    }

    /// <summary>"“...,” said X." or "“...,” X, title, told".</summary>
    private (Speaker? Speaker, string? Cue)? After(QuotationSpan span)
    {
        var tokens = document.Tokens;
        var regionEnd = RegionEnd(span.Close + 1);
        var first = tokens.FirstAtOrAfter(span.Close + 1);
        while (first < tokens.Count && tokens[first].Text == ",") first++;
        for (var i = first; i < tokens.Count && tokens[i].End <= regionEnd && i < first + MaxTokensAfter; i++)
        {
            if (!CueWords.IsCueVerb(tokens, i)) continue;
            var speaker = i == first
                ? resolver.ResolveObject(tokens[i].End, regionEnd)
                : resolver.ResolveSubject(tokens[first].Start, tokens[i].Start);
            return (speaker, tokens[i].Text);
        }
        return null;
    }

    /// <summary>"X said: “...”", "X told via email that the coalition “...”", "According to X, ...".</summary>
    private (Speaker? Speaker, string? Cue)? Before(QuotationSpan span)
    {
        var tokens = document.Tokens;
        var regionStart = RegionStart(span.Open);
        var i = tokens.FirstAtOrAfter(span.Open) - 1;
        for (; i >= 0 && tokens[i].Start >= regionStart; i--)
        {
            if (InsideQuotation(tokens[i].Start)) continue;
            if (CueWords.IsAccordingTo(tokens, i))
            {
                var objectEnd = document.Text.IndexOf(',', tokens[i + 1].End, span.Open - tokens[i + 1].End);
                return (resolver.ResolveObject(tokens[i + 1].End, objectEnd < 0 ? span.Open : objectEnd), "according to");
            }
            if (!CueWords.IsCueVerb(tokens, i)) continue;
            var subjectStart = SubjectStart(regionStart, tokens[i].Start);
            var speaker = resolver.ResolveSubject(subjectStart, tokens[i].Start);
            // "said spokesman X: “...”" names the speaker after the cue; "reported that the EU had convinced “...”" does not.
            if (speaker is null && i + 1 < tokens.Count && tokens[i + 1].Start < span.Open && tokens[i + 1].Text != "that"
                && Words.Count(document.Text, tokens[i].End, span.Open) <= 8)
                speaker = resolver.ResolveObject(tokens[i].End, span.Open);
            return (speaker, tokens[i].Text);
        }
        return null;
    }

    // The subject of a cue starts after the last quotation before it in the sentence.
    private int SubjectStart(int regionStart, int cueStart) =>
        quotations.LastBefore(cueStart, regionStart) is { } previous ? previous.Close + 1 : regionStart;

    private bool InsideQuotation(int position) => quotations.Containing(position) is not null;

    // The attribution before a quotation lies in its sentence, and within a few dozen words of it.
    private int RegionStart(int open)
    {
        var sentenceStart = document.Sentences.SentenceAt(open)?.Start ?? open;
        // "X wrote on social media:" on the line before a quotation that stands alone introduces it.
        if (sentenceStart == open && document.Sentences.LastEndingBy(open) is { } previous && document.Text[previous.End - 1] == ':')
            sentenceStart = previous.Start;
        var near = document.Tokens.FirstAtOrAfter(open) - MaxTokensBefore;
        return near > 0 ? Math.Max(sentenceStart, document.Tokens[near].Start) : sentenceStart;
    }

    // After a quotation, the attribution runs to the end of its sentence or the next quotation.
    private int RegionEnd(int from)
    {
        var sentence = document.Sentences.SentenceAt(from) ?? document.Sentences.SentenceAt(from - 1);
        var end = Math.Min(sentence?.End ?? from, from + MaxCharsAfter);
        // A quotation ending a sentence ("...difficult.”") leaves its attribution in the next one only with a comma.
        var next = quotations.NextFrom(from);
        return next is not null && next.Open < end ? next.Open : end;
    }
}
