using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// The title and organisation of each person named in a document, read from the fact-check header,
/// appositions ("Brian Williams, author of ...", "the commander of ..., Gen. Sergei Surovikin") and
/// pre-modifiers ("YPG spokesman Nuri Mehmud", "Labour leader Sir Keir Starmer"). Earlier and more
/// explicit sources win.
/// </summary>
internal sealed class PersonProfiles
{
    private readonly Dictionary<string, (string? Title, string? Organization, int Rank)> _profiles = new(StringComparer.Ordinal);
    private readonly Document _document;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "his", "her", "their" };

    // Appositions are short; the bound also keeps a sentence without commas from being scanned once per name in it.
    private const int MaxTitleLength = 200;

    private static readonly HashSet<string> Ranks = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm",
        "Cmdr", "Brig", "Rev", "Hon", "Prof", ".", "General", "Lieutenant", "Colonel", "Major", "Captain",
    };

    public PersonProfiles(Document document, HeaderLayout? header)
    {
        _document = document;
        if (header?.Speaker is { Name: { } name } s) Set(name, s.Title, s.Organization, 0);
        foreach (var e in document.Entities.Where(e => e.Type == EntityType.Person))
        {
            if (ApposedTitle(e) is { } title) Set(e.Canonical, title.Text, OrgWithin(title.Start, title.End), 1);
            if (PreModifier(e) is { } pre) Set(e.Canonical, pre.Title, pre.Organization, 2);
        }
    }

    public Speaker SpeakerFor(string canonical) =>
        _profiles.TryGetValue(canonical, out var p) ? new Speaker(canonical, p.Title, p.Organization) : new Speaker(canonical, null, null);

    public IEnumerable<Speaker> All => _profiles.Keys.Select(SpeakerFor);

    private void Set(string name, string? title, string? organization, int rank)
    {
        if (string.IsNullOrWhiteSpace(title)) return;
        if (_profiles.TryGetValue(name, out var existing) && existing.Rank <= rank)
        {
            if (existing.Organization is null && organization is not null)
                _profiles[name] = existing with { Organization = organization };
            return;
        }
        _profiles[name] = (title.Trim(), organization, rank);
    }

    private string? OrgWithin(int start, int end) =>
        _document.Entities.Within(start, end).FirstOrDefault(e => e.Type == EntityType.Org)?.Canonical;

    /// <summary>", commander of X," after the name, or "the commander of X, " before it.</summary>
    private (string Text, int Start, int End)? ApposedTitle(Entity person)
    {
        var text = _document.Text;
        var sentence = _document.Sentences.SentenceAt(person.Start);
        if (sentence is null) return null;
        // After: "Name, title," — the phrase runs to the next comma outside quotation marks.
        if (person.End + 2 < sentence.End && text[person.End] == ',')
        {
            var start = person.End + 1;
            var end = ClauseEnd(text, start, Math.Min(sentence.End, start + MaxTitleLength));
            end = BeforeCueVerb(start, end);
            if (IsRolePhrase(start, end)) return Clean(start, end);
        }
        // Before: "the commander of X, [Gen.] Name".
        var before = SkipRanksBackward(person.Start);
        if (before > sentence.Start + 2 && text[before - 1] == ',')
        {
            var end = before - 1;
            var windowStart = Math.Max(sentence.Start, end - MaxTitleLength);
            var start = text.LastIndexOf(',', end - 1, end - windowStart);
            start = start < 0 ? windowStart : start + 1;
            if (IsRolePhrase(start, end) && !_document.Entities.Within(start, end).Any(e => e.Type == EntityType.Person))
                return Clean(start, end);
        }
        return null;
    }

    /// <summary>"Kirill Smurov, the deputy director of X announced that ...": an apposition left open by its writer ends at the speech verb.</summary>
    private int BeforeCueVerb(int start, int end)
    {
        var tokens = _document.Tokens;
        for (var i = tokens.FirstAtOrAfter(start); i < tokens.Count && tokens[i].End <= end; i++)
            if (CueWords.IsCueVerb(tokens, i)) return tokens[i].Start;
        return end;
    }

    private static int ClauseEnd(string text, int start, int limit)
    {
        var depth = 0;
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (c is '“' or '(' or '[') depth++;
            else if (c is '”' or ')' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is ',' or ';' or ':') return i;
            // A quoted book title that ends the apposition: "author of the book “...,” told".
            else if (depth == 1 && c == ',' && i + 1 < limit && text[i + 1] is '”' or '"') return i + 2;
        }
        return limit;
    }

    /// <summary>A phrase that names a role within its first words: "a spokesman for", "author of the book".</summary>
    private bool IsRolePhrase(int start, int end)
    {
        var tokens = _document.Tokens;
        var i = tokens.FirstAtOrAfter(start);
        var seen = 0;
        for (; i < tokens.Count && tokens[i].End <= end && seen < 5; i++, seen++)
        {
            var t = tokens[i];
            if (seen == 0 && t.Kind == TokenKind.Word && char.IsLower(t.Text[0]) && !Determiners.Contains(t.Text) && !Roles.RoleNouns.Contains(t.Text)
                && !IsAdjectiveLike(t.Text)) return false;
            if (Roles.RoleNouns.Contains(t.Text) && t.Text is not ("sources" or "source")) return true;
        }
        return false;
    }

    private static bool IsAdjectiveLike(string word) =>
        word is "former" or "chief" or "deputy" or "senior" or "top" or "acting" or "then" or "current" or "new" or "local" or "veteran" or "retired" or "shadow" or "regional" or "military" or "press";

    private (string Text, int Start, int End) Clean(int start, int end)
    {
        var text = _document.Text;
        var phrase = text[start..end].Trim();
        var offset = start + text[start..end].IndexOf(phrase, StringComparison.Ordinal);
        // "Citing Excalibur Army’s commercial director, Richard Kubena": the participle is not part of the title.
        var firstSpace = phrase.IndexOf(' ');
        if (firstSpace > 5 && phrase[..firstSpace].EndsWith("ing", StringComparison.Ordinal))
        {
            phrase = phrase[(firstSpace + 1)..];
            offset += firstSpace + 1;
        }
        foreach (var det in Determiners)
            if (phrase.StartsWith(det + " ", StringComparison.OrdinalIgnoreCase))
            {
                phrase = phrase[(det.Length + 1)..];
                offset += det.Length + 1;
                break;
            }
        // A title that ends inside a quoted book name keeps the closing mark but not the comma before it.
        phrase = phrase.Replace(",”", "”").Replace(",\"", "\"").TrimEnd(',', ' ', '.');
        return (phrase, offset, offset + phrase.Length);
    }

    private int SkipRanksBackward(int position)
    {
        var tokens = _document.Tokens;
        var i = tokens.FirstAtOrAfter(position) - 1;
        while (i >= 0 && Ranks.Contains(tokens[i].Text)) i--;
        return i >= 0 ? tokens[i].End : position;
    }

    /// <summary>"People's Protection Units (YPG) spokesman Nuri Mehmud", "Russian President Vladimir Putin".</summary>
    private (string Title, string? Organization)? PreModifier(Entity person)
    {
        var tokens = _document.Tokens;
        var i = tokens.FirstAtOrAfter(person.Start) - 1;
        while (i >= 0 && Ranks.Contains(tokens[i].Text)) i--;
        var titleEnd = i;
        var titleStart = -1;
        while (i >= 0)
        {
            var t = tokens[i];
            var isRole = Roles.RoleNouns.Contains(t.Text) && t.Text is not ("sources" or "source") || Roles.Honorifics.Contains(t.Text) && !Ranks.Contains(t.Text);
            var isModifier = titleStart >= 0 && t.Kind == TokenKind.Word && (char.IsUpper(t.Text[0]) || IsAdjectiveLike(t.Text))
                             && !_document.Entities.Within(Math.Max(0, t.Start - MaxTitleLength), t.End + MaxTitleLength).Any(e => e.Type == EntityType.Org && e.Start <= t.Start && t.End <= e.End);
            if (!isRole && !isModifier) break;
            titleStart = i;
            i--;
        }
        if (titleStart < 0) return null;
        var title = _document.Text[tokens[titleStart].Start..tokens[titleEnd].End];
        // The organisation stands right before the title, perhaps followed by its acronym: "People's Protection Units (YPG)".
        if (i >= 0 && tokens[i].Text == ")" && i >= 2 && tokens[i - 2].Text == "(") i -= 3;
        string? org = null;
        if (i >= 0)
        {
            var end = tokens[i].End;
            org = _document.Entities.Within(Math.Max(0, end - MaxTitleLength), end).FirstOrDefault(e => e.Type == EntityType.Org && (e.End == end || e.End == end - 2))?.Canonical;
        }
        return (title, org);
    }
}
