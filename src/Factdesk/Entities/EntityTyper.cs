using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// Decides the type of a name run from the run itself and its neighbours, in a fixed order of trust:
/// the shipped alias table, organisation head words, person cues (honorifics, role nouns, appositions),
/// place cues (prepositions, "the localities of"), nationality adjectives, and the shape of the name.
/// Returns null when nothing decides; the linker then tries surnames and lists.
/// </summary>
internal sealed class EntityTyper(Document document, Gazetteer gazetteer)
{
    public EntityType? Classify(NameRun run)
    {
        if (gazetteer.TryLookup(run.Surface, out _, out var known)) return known;
        if (HasOrgKeyword(run)) return EntityType.Org;
        if (run.Prefix is not null) return EntityType.Person;
        if (IsRoleNoun(run.First - 1) || HasRoleApposition(run) && TokenCount(run) >= 2) return EntityType.Person;
        if (HasPlaceContext(run) && TokenCount(run) <= 3) return EntityType.Location;
        var single = run.First == run.Last;
        if (single && gazetteer.IsDemonym(run.Surface)) return EntityType.Misc;
        if (single && IsAcronym(run.Surface)) return EntityType.Org;
        if (!single && LooksLikePersonalName(run)) return EntityType.Person;
        return null;
    }

    public bool HasOrgKeyword(NameRun run)
    {
        for (var i = run.First; i <= run.Last; i++)
            if (Roles.OrgKeywords.Contains(Strip(document.Tokens[i].Text))) return true;
        return false;
    }

    public static bool IsAcronym(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    private bool LooksLikePersonalName(NameRun run)
    {
        if (TokenCount(run) > 4) return false;
        for (var i = run.First; i <= run.Last; i++)
        {
            var t = document.Tokens[i].Text;
            if (t.Length < 2 || IsAcronym(t) || gazetteer.IsDemonym(t)) return false;
        }
        return true;
    }

    private bool IsRoleNoun(int index) =>
        index >= 0 && document.Tokens[index].Kind == TokenKind.Word && char.IsLower(document.Tokens[index].Text[0])
        && Roles.RoleNouns.Contains(document.Tokens[index].Text);

    // "Brian Williams, author of the book ..." or "Simonyan, chief editor of ...".
    private bool HasRoleApposition(NameRun run)
    {
        var tokens = document.Tokens;
        var p = run.Last + 1;
        if (p >= tokens.Count || tokens[p].Text != ",") return false;
        for (var q = p + 1; q < tokens.Count && q <= p + 6; q++)
        {
            var t = tokens[q].Text;
            if (t is "," or "." or ")" or ";") return false;
            if (Roles.RoleNouns.Contains(t) && !Roles.OrgKeywords.Contains(t)) return true;
        }
        return false;
    }

    private bool HasPlaceContext(NameRun run)
    {
        var tokens = document.Tokens;
        var before = run.First - 1;
        if (before < 0) return false;
        var word = tokens[before].Text;
        if (Roles.PlacePrepositions.Contains(word)) return true;
        if (word == "of" && before > 0 && Roles.PlaceNouns.Contains(tokens[before - 1].Text)) return true;
        var after = run.Last + 1;
        return after < tokens.Count && tokens[after].Text is "located" or "province" or "region" or "oblast" or "governorate";
    }

    private static int TokenCount(NameRun run) => run.Last - run.First + 1;

    private static string Strip(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
}
