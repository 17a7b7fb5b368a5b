using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// Finds runs of capitalised tokens that may name entities, joined across the connectors that names use
/// ("Central Command of Operation Inherent Resolve", "CJTF–OIR", "Lt. Gen. Steve Townsend"), and strips
/// the words that are capitalised only because they start a sentence.
/// </summary>
internal sealed class NameRunFinder(Document document, Gazetteer gazetteer)
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "de", "du", "la", "bin", "ibn", "van", "von", "der", "da", "on" };

    private static readonly HashSet<string> CalendarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>Words that start sentences capitalised but are never names on their own.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "it’s", "he", "she", "they", "we", "i", "you",
        "his", "her", "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "with", "of", "to", "as", "after",
        "before", "during", "since", "until", "while", "when", "where", "what", "which", "who", "why", "how", "if", "but",
        "and", "or", "so", "yet", "also", "still", "both", "all", "some", "many", "most", "multiple", "several", "each",
        "every", "no", "not", "there", "here", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "according", "citing", "responding", "however", "meanwhile", "instead", "despite", "although", "though",
        "because", "then", "now", "today", "yesterday", "last", "next", "first", "second", "earlier", "later", "such",
        "other", "another", "more", "less", "few", "any", "none", "only", "even", "just", "usually", "is", "are", "was",
        "were", "be", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must",
        "should", "shall", "let", "yes", "usually", "therefore", "thus", "hence", "indeed", "please", "why", "read", "see",
    };

    private readonly HashSet<string> _lowercaseWords = CollectLowercaseWords(document);

    public List<NameRun> Find(int firstToken, int endToken)
    {
        var runs = new List<NameRun>();
        var tokens = document.Tokens;
        var k = firstToken;
        while (k < endToken)
        {
            if (!IsNameToken(tokens[k])) { k++; continue; }
            var last = Extend(k, endToken);
            var run = Trim(k, last, firstToken);
            if (run is not null) runs.Add(run);
            k = last + 1;
        }
        return runs;
    }

    public static bool IsNameToken(Token token)
    {
        if (token.Kind != TokenKind.Word) return false;
        var text = token.Text;
        if (char.IsUpper(text[0])) return !CalendarWords.Contains(text);
        // Arabic names keep a lower-case article: "al-Hamam", "ar-Raqqah".
        var dash = text.IndexOf('-');
        return dash is > 0 and <= 3 && dash + 1 < text.Length && char.IsUpper(text[dash + 1]);
    }

    private int Extend(int first, int endToken)
    {
        var tokens = document.Tokens;
        var last = first;
        var p = first + 1;
        while (p < endToken)
        {
            var token = tokens[p];
            if (NewlineBetween(tokens[p - 1], token)) break;
            if (token.Text == "." && Roles.Honorifics.Contains(tokens[p - 1].Text) && Adjacent(tokens[p - 1], token)
                && p + 1 < endToken && IsNameToken(tokens[p + 1]))
            {
                p++;
                continue;
            }
            if (IsNameToken(token))
            {
                // A possessive ends a name ("Russia’s Foreign Ministry" is two), unless it opens one ("People's Protection Units").
                if (EndsPossessive(tokens[p - 1]) && p - 1 != first) break;
                last = p++;
                continue;
            }
            if (token.Text is "'" or "’" && tokens[p - 1].Text.EndsWith('s') && Adjacent(tokens[p - 1], token)
                && p + 1 < endToken && IsNameToken(tokens[p + 1]))
            {
                p++;
                continue;
            }
            if (token.Text is "–" or "—" or "-" && p + 1 < endToken && IsNameToken(tokens[p + 1])
                && (Adjacent(tokens[p - 1], token) && Adjacent(token, tokens[p + 1]) || AcronymFollows(first, p)))
            {
                p++;
                continue;
            }
            if (Connectors.Contains(token.Text) && p + 1 < endToken)
            {
                var q = p + 1;
                if (tokens[q].Text == "the" && q + 1 < endToken) q++;
                if (IsNameToken(tokens[q]) && ConnectorJoins(first, last, token.Text, q, endToken))
                {
                    p = q;
                    continue;
                }
            }
            break;
        }
        return last;
    }

    // "of"/"for" join when the left part is an organisation ("Center for European Policy Analysis");
    // "and" joins only inside an organisation name ("Food and Agriculture Organization"), never two names.
    private bool ConnectorJoins(int first, int last, string connector, int rightStart, int endToken)
    {
        var tokens = document.Tokens;
        var leftHasKeyword = HasOrgKeyword(first, last);
        if (connector is "of" or "for" or "on") return leftHasKeyword;
        if (connector is "and")
        {
            if (leftHasKeyword || last != first || gazetteer.TryLookup(tokens[first].Text, out _, out _)) return false;
            for (var i = rightStart; i < endToken && i < rightStart + 4 && IsNameToken(tokens[i]); i++)
                if (Roles.OrgKeywords.Contains(tokens[i].Text)) return true;
            return false;
        }
        return true; // particles inside personal names: "bin", "van", "de"
    }

    // A spaced dash stays inside a name only when an acronym defined right after spells the whole name.
    private bool AcronymFollows(int first, int dash)
    {
        var tokens = document.Tokens;
        var p = dash + 1;
        while (p < tokens.Count && (IsNameToken(tokens[p]) || tokens[p].Text is "–" or "—" or "-")) p++;
        if (p + 2 >= tokens.Count || tokens[p].Text != "(") return false;
        var close = p + 1;
        var letters = "";
        while (close < tokens.Count && close < p + 6 && tokens[close].Text != ")")
        {
            if (tokens[close].Kind == TokenKind.Word) letters += tokens[close].Text;
            close++;
        }
        var initials = "";
        for (var i = first; i < p; i++)
            if (IsNameToken(tokens[i])) initials += tokens[i].Text[0];
        return letters.Length > 1 && string.Equals(letters, initials, StringComparison.Ordinal);
    }

    private NameRun? Trim(int first, int last, int sentenceFirst)
    {
        var tokens = document.Tokens;
        string? prefix = null;
        // Leading honorifics and titles: "Lt. Gen.", "President", "Spokesman".
        var f = first;
        if (!HasOrgKeyword(first, last))
            while (f < last && (Roles.Honorifics.Contains(tokens[f].Text) || Roles.RoleNouns.Contains(tokens[f].Text) || tokens[f].Text == "."))
                f++;
        if (f > first)
        {
            if (f > last) return null;
            prefix = document.Text[tokens[first].Start..tokens[f - 1].End];
        }

        // A capitalised word at the start of a sentence or quotation may be an ordinary word.
        if (f == first && IsSentenceInitial(first, sentenceFirst))
        {
            var word = tokens[f].Text;
            var known = gazetteer.TryLookup(Surface(f, last), out _, out _) || gazetteer.TryLookup(word, out _, out _)
                || gazetteer.IsDemonym(word) || EntityTyper.IsAcronym(word);
            // "Following Zhao’s remarks": a sentence that opens with a participle is not opening with a name.
            var participle = word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal);
            if (!known && (FunctionWords.Contains(word) || _lowercaseWords.Contains(word.ToLowerInvariant()) || f == last || participle))
            {
                f++;
                while (f <= last && Connectors.Contains(tokens[f].Text)) f++;
                if (f > last) return null;
            }
        }

        // Connectors and dashes never end a name, nor does the title after an organisation ("Foreign Ministry Spokesperson").
        while (last > f && (Connectors.Contains(tokens[last].Text) || tokens[last].Kind != TokenKind.Word
                            || Roles.RoleNouns.Contains(tokens[last].Text) && !Roles.OrgKeywords.Contains(tokens[last].Text) && HasOrgKeyword(f, last - 1)))
            last--;

        var start = tokens[f].Start;
        var end = tokens[last].End;
        if (EndsPossessive(tokens[last])) end -= 2;
        if (end <= start) return null;
        return new NameRun(f, last, start, end, document.Text[start..end], prefix);
    }

    private bool HasOrgKeyword(int first, int last)
    {
        for (var i = first; i <= last; i++)
            if (Roles.OrgKeywords.Contains(document.Tokens[i].Text)) return true;
        return false;
    }

    private string Surface(int first, int last) => document.Text[document.Tokens[first].Start..document.Tokens[last].End];

    private bool IsSentenceInitial(int index, int sentenceFirst)
    {
        if (index == sentenceFirst) return true;
        var previous = document.Tokens[index - 1];
        return previous.Kind == TokenKind.Quote && QuoteMarks.Openers.Contains(previous.Text[0]) || previous.Text is "(" or "[" or ":" or "•" or "-" or "–";
    }

    private static bool EndsPossessive(Token token) =>
        token.Text.Length > 2 && (token.Text.EndsWith("'s", StringComparison.Ordinal) || token.Text.EndsWith("’s", StringComparison.Ordinal));

    private bool Adjacent(Token a, Token b) => a.End == b.Start;

    private bool NewlineBetween(Token a, Token b) => document.Text.AsSpan(a.End, b.Start - a.End).Contains('\n');

    private static HashSet<string> CollectLowercaseWords(Document document)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in document.Tokens)
            if (token.Kind == TokenKind.Word && char.IsLower(token.Text[0])) words.Add(token.Text);
        return words;
    }
}
