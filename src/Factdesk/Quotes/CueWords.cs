using Factdesk.Documents;

namespace Factdesk.Quotes;

/// <summary>Verbs and phrases that introduce speech: "said", "told ... via email", "according to".</summary>
public static class CueWords
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states", "claimed",
        "claims", "claim", "announced", "announces", "wrote", "writes", "noted", "notes", "explained", "explains",
        "argued", "argues", "insisted", "insists", "accused", "accuses", "denied", "denies", "warned", "warns",
        "replied", "replies", "responded", "asserted", "asserts", "alleged", "alleges", "declared", "declares",
        "concluded", "reported", "reports", "tweeted", "posted", "commented", "acknowledged", "admitted", "admits",
        "confirmed", "confirms", "stressed", "emphasized", "emphasised", "urged", "suggested", "suggests",
        "maintained", "maintains", "reiterated", "dismissed", "dismisses", "rejected", "rejects", "described",
        "called", "asked", "answered", "recalled", "predicted", "promised", "vowed", "boasted", "complained",
        "reads", "read",
        // Belief and finding verbs attribute a statement as much as speech does ("Clinton believes ...", "the poll shows ...").
        "believes", "believe", "thinks", "agreed", "agrees", "pledged", "pledges", "urges", "questioned", "mentioned",
        "cited", "citing", "shows", "showed", "found", "finds", "estimates", "estimated", "predicts", "testified", "argue",
        "insist", "deny", "warn", "contends", "contended", "conceded", "hinted", "indicated", "indicates",
    };

    // Words that also work as nouns ("the Russian claims are false", "the commander’s claim that ...").
    private static readonly HashSet<string> AlsoNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "claim", "claims", "reports", "states", "notes", "posted", "called", "tell", "say", "answered", "described",
        "read", "reads", "shows", "estimates", "finds",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "these", "those", "this", "that", "his", "her", "their", "its", "our", "such", "false",
        "new", "similar", "russian", "and", "or", "of", "to", "in", "recent", "earlier", "other", "baseless",
    };

    /// <summary>True when the token at <paramref name="index"/> is a speech verb used as a verb.</summary>
    public static bool IsCueVerb(List<Token> tokens, int index)
    {
        var token = tokens[index];
        // Speech verbs are lower-case in running text; "the United States" is no cue.
        if (token.Kind != TokenKind.Word || !char.IsLower(token.Text[0]) || !Verbs.Contains(token.Text)) return false;
        // "the video posted on October 30 by a resident" is a description, not speech.
        if (token.Text is "posted" or "shared" && index + 1 < tokens.Count && tokens[index + 1].Text is "on" or "by" or "in" or "to") return false;
        if (!AlsoNouns.Contains(token.Text)) return true;
        if (index == 0) return false;
        var previous = tokens[index - 1].Text;
        if (Determiners.Contains(previous) || previous.EndsWith("’s", StringComparison.Ordinal) || previous.EndsWith("'s", StringComparison.Ordinal)) return false;
        // "called" and "described" introduce speech only with a following "it"/"them" ... "as".
        return token.Text is not ("called" or "described") || (index + 2 < tokens.Count && tokens[index + 2].Text == "as");
    }

    /// <summary>True when "according to" starts at <paramref name="index"/>.</summary>
    public static bool IsAccordingTo(List<Token> tokens, int index) =>
        index + 1 < tokens.Count
        && string.Equals(tokens[index].Text, "according", StringComparison.OrdinalIgnoreCase)
        && tokens[index + 1].Text == "to";
}
