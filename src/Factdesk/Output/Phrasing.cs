using System.Globalization;
using Factdesk.Documents;

namespace Factdesk.Output;

/// <summary>
/// How the document model is worded for readers. The JSON dossier, the Markdown report and the terminal summary
/// all go through here so that a speaker or a verdict reads the same everywhere.
/// </summary>
public static class Phrasing
{
    public static string EntityType(EntityType type) => type switch
    {
        Documents.EntityType.Person => "PERSON",
        Documents.EntityType.Org => "ORG",
        Documents.EntityType.Location => "LOCATION",
        Documents.EntityType.Date => "DATE",
        Documents.EntityType.Misc => "MISC",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no wording for this entity type"),
    };

    public static string QuoteKind(QuoteKind kind) => kind switch
    {
        Documents.QuoteKind.Direct => "direct",
        Documents.QuoteKind.Indirect => "indirect",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no wording for this quote kind"),
    };

    public static string Stance(Stance stance) => stance switch
    {
        Documents.Stance.Supports => "supports",
        Documents.Stance.Refutes => "refutes",
        Documents.Stance.Discusses => "discusses",
        Documents.Stance.Unrelated => "unrelated",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, "no wording for this stance"),
    };

    public static string SpeakerName(Speaker? speaker) => (speaker ?? Speaker.Unknown).Label;

    /// <summary>
    /// "title, organisation" with whichever parts are known; empty when neither is, and for a speaker without a
    /// name, whose label already is its title and organisation.
    /// </summary>
    public static string SpeakerRole(Speaker? speaker)
    {
        if (speaker?.Name is null) return "";
        var organization = speaker.Organization is { } org && speaker.Title?.Contains(org, StringComparison.Ordinal) != true ? org : null;
        return string.Join(", ", new[] { speaker.Title, organization }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static string SpeakerWithRole(Speaker? speaker)
    {
        var role = SpeakerRole(speaker);
        // A speaker without a name is already labelled by title and organisation; repeating them reads badly.
        return role.Length == 0 || speaker?.Name is null ? SpeakerName(speaker) : $"{speaker.Name} ({role})";
    }

    /// <summary>"False (stated)", or "False (stated as “Incorrect”)" when the article's words differ from the scale's label.</summary>
    public static string Verdict(Verdict? verdict) => verdict switch
    {
        null => "no verdict",
        { Stated: true, Words: { } words } => $"{verdict.Label} (stated as “{words}”)",
        _ => $"{verdict.Label} ({(verdict.Stated ? "stated" : "suggested")})",
    };

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown date";
}
