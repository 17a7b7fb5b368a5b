namespace Factdesk.Documents;

/// <summary>A half-open range [Start, End) of character offsets into <see cref="Document.Text"/>.</summary>
public interface ISpan
{
    int Start { get; }
    int End { get; }
}

public static class SpanExtensions
{
    public static bool Contains(this ISpan outer, int offset) => offset >= outer.Start && offset < outer.End;
    public static bool Overlaps(this ISpan a, ISpan b) => a.Start < b.End && b.Start < a.End;
    public static bool Covers(this ISpan outer, ISpan inner) => outer.Start <= inner.Start && inner.End <= outer.End;
}

public sealed record Sentence(int Start, int End) : ISpan;

public enum TokenKind { Word, Number, Punctuation, Quote, Other }

public sealed record Token(int Start, int End, string Text, TokenKind Kind) : ISpan
{
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);
}

public enum EntityType { Person, Org, Location, Date, Misc }

/// <summary>A mention of an entity; every mention of one entity carries the same <see cref="Canonical"/> name.</summary>
public sealed record Entity(string Text, EntityType Type, int Start, int End, string Canonical) : ISpan;

/// <summary>Who said something: null fields are unknown, never guessed.</summary>
public sealed record Speaker(string? Name, string? Title, string? Organization)
{
    public static readonly Speaker Unknown = new(null, null, null);

    /// <summary>The best short label for a reader: the name, else the title with its organisation.</summary>
    public string Label =>
        Name ?? (Title, Organization) switch
        {
            (not null, not null) => $"{Organization} {Title}",
            (not null, null) => Title,
            (null, not null) => Organization,
            _ => "unknown",
        };
}

public enum QuoteKind { Direct, Indirect }

/// <summary>
/// A quoted or reported statement. Start/End cover the quoted content only, without the marks. SpeakerStart/SpeakerEnd
/// are the words the speaker was read from ("the senator", "He"), when it was read from this text and not from a byline.
/// </summary>
public sealed record Quote(string Text, int Start, int End, QuoteKind Kind, string? Cue, Speaker? Speaker, int? SpeakerStart = null, int? SpeakerEnd = null) : ISpan;

/// <summary>A check-worthy statement with a score in [0,1].</summary>
public sealed record Claim(string Text, int Start, int End, double Score, Speaker? Claimant) : ISpan;

public sealed record SourceInfo(
    string? Path,
    string? Url = null,
    string? Title = null,
    string? Site = null,
    DateTimeOffset? Published = null,
    string? Language = null,
    IReadOnlyList<string>? Authors = null);

public enum Stance { Supports, Refutes, Discusses, Unrelated }

public sealed record ReviewedClaim(string Text, Speaker? Claimant, string? Date, string? Where = null);

/// <summary>
/// A verdict on the active rating scale: <see cref="Stated"/> is true when the article says it, false when Factdesk
/// suggests it. <see cref="Words"/> keeps the article's own words when they differ from the label ("Incorrect" → "False").
/// </summary>
public sealed record Verdict(string Label, bool Stated, string? Words = null);

public sealed record EvidenceSource(Speaker Speaker, string Quote, Stance Stance);

public sealed record ReviewInfo(ReviewedClaim Claim, Verdict? Verdict, IReadOnlyList<EvidenceSource> Sources)
{
    /// <summary>Factdesk's own reading of the evidence, kept apart from <see cref="Verdict"/> so a stated verdict is never overwritten.</summary>
    public SuggestedVerdict? Suggestion { get; init; }
}

/// <summary>
/// A verdict Factdesk suggests (<see cref="Documents.Verdict.Stated"/> is always false), why, and the sources that decided it.
/// </summary>
public sealed record SuggestedVerdict(Verdict Verdict, string Explanation, IReadOnlyList<EvidenceSource> Deciding);

/// <summary>An earlier fact-check that may cover a claim (filled by the matching stage in a later issue).</summary>
public sealed record ClaimMatch(string ClaimText, string? Verdict, string? Url, double Score);
