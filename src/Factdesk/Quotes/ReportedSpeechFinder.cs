using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Reported speech without quotation marks: "U.S. and Kurdish officials say the Russian claims are false",
/// "Surovikin accused the U.S. of colluding with IS", "According to X, ...". Sentences that hold a direct
/// quotation are left to the direct-quote finder.
/// </summary>
internal sealed class ReportedSpeechFinder(Document document, SpeakerResolver resolver, Quotations quotations)
{
    private const int MinContentWords = 4;
    private const int ShortestSpeech = 4;
    private const int MaxSubjectTokens = 40;
    private const int MaxTrailingSubjectWords = 8; // "..., the campaign's senior policy adviser said."

    public IEnumerable<Quote> Find()
    {
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            if (quotations.OverlapsSpeech(document.Text, sentence.Start, sentence.End, ShortestSpeech)) continue;
            var first = tokens.FirstAtOrAfter(sentence.Start);
            for (var i = first; i < tokens.Count && tokens[i].End <= sentence.End; i++)
            {
                Quote? quote = null;
                if (CueWords.IsAccordingTo(tokens, i)) quote = AccordingTo(sentence, i);
                else if (CueWords.IsCueVerb(tokens, i) && i > first) quote = Reported(sentence, first, i);
                if (quote is null) continue;
                yield return quote;
                break;
            }
        }
    }

    private Quote? AccordingTo(Sentence sentence, int index)
    {
        var tokens = document.Tokens;
        var comma = document.Text.IndexOf(',', tokens[index + 1].End, sentence.End - tokens[index + 1].End);
        if (comma < 0) return null;
        var speaker = resolver.ResolveObject(tokens[index + 1].End, comma);
        return speaker is null ? null : Content(comma + 1, sentence.End, "according to", speaker, resolver.LastSpan);
    }

    private Quote? Reported(Sentence sentence, int first, int cue)
    {
        var tokens = document.Tokens;
        // A subject stands within a few words of its verb; the bound keeps a run-on sentence linear.
        var subjectStart = tokens[Math.Max(first, cue - MaxSubjectTokens)].Start;
        if (Words.Count(document.Text, tokens[cue].End, sentence.End) < MinContentWords) return Trailing(sentence, cue);
        var speaker = resolver.ResolveSubject(subjectStart, tokens[cue].Start);
        if (speaker is null) return null;
        var speakerSpan = resolver.LastSpan;
        var contentStart = tokens[cue].End;
        // "told Times LIVE that ...": the content starts after "that" when it comes soon after the cue.
        for (var j = cue + 1; j < tokens.Count && j <= cue + 6 && tokens[j].End <= sentence.End; j++)
            if (tokens[j].Text is "that" or ":")
            {
                contentStart = tokens[j].End;
                break;
            }
        var quote = Content(contentStart, sentence.End, tokens[cue].Text, speaker, speakerSpan);
        if (quote is not null) resolver.Remember(tokens[cue].Start, speaker);
        return quote;
    }

    /// <summary>"The plan will fail, the senator said." or "..., said the senator.": the content comes before the cue.</summary>
    private Quote? Trailing(Sentence sentence, int cue)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var comma = text.LastIndexOf(',', tokens[cue].Start - 1, tokens[cue].Start - sentence.Start);
        if (comma <= sentence.Start) return null;
        var between = Words.Count(text, comma + 1, tokens[cue].Start);
        if (between > MaxTrailingSubjectWords) return null;
        var speaker = between == 0 ? resolver.ResolveObject(tokens[cue].End, sentence.End) : resolver.ResolveSubject(comma + 1, tokens[cue].Start);
        if (speaker is null) return null;
        var quote = Content(sentence.Start, comma, tokens[cue].Text, speaker, resolver.LastSpan);
        if (quote is not null) resolver.Remember(tokens[cue].Start, speaker);
        return quote;
    }

    private Quote? Content(int start, int end, string cue, Speaker speaker, (int Start, int End)? speakerSpan)
    {
        var text = document.Text;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ':')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ';')) end--;
        if (Words.Count(text, start, end) < MinContentWords) return null;
        return new Quote(text[start..end], start, end, QuoteKind.Indirect, cue, speaker, speakerSpan?.Start, speakerSpan?.End);
    }
}
