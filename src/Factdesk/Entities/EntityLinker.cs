using System.Globalization;
using System.Text;
using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// Gives every mention of one entity one canonical name: the shipped alias table, acronyms defined in the
/// text ("Syrian Democratic Forces (SDF)"), editorial glosses ("Democratic Forces Union [Syrian Democratic Forces]"),
/// parts of dashed acronyms ("CJTF–Operation Inherent Resolve"), surnames of people named in full, and
/// spelling variants ("Raqqa"/"Raqqah"). Runs that no rule types take the entity tagger's type when it has one.
/// </summary>
internal sealed class EntityLinker(Document document, Gazetteer gazetteer, EntityTyper typer, LearnedEntityTypes? learned = null)
{
    private readonly List<NameRun> _runs = [];
    private readonly Dictionary<NameRun, (EntityType? Type, string Canonical)> _resolved = [];
    private readonly Dictionary<string, NameRun> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _acronymParts = new(StringComparer.Ordinal);

    private readonly Dictionary<int, NameRun> _runEndingAt = [];

    public void AddRun(NameRun run)
    {
        _runs.Add(run);
        _runEndingAt[run.Last] = run;
    }

    public List<Entity> Link(IReadOnlyList<Sentence> headlineSentences, IReadOnlyList<Sentence> workTitles)
    {
        var glosses = FindDefinitions();
        foreach (var run in _runs) _resolved[run] = (typer.Classify(run), "");
        foreach (var (shortForm, longForm) in _acronyms)
        {
            // People are not given acronyms: a name spelled out before "(NWC)" belongs to an organisation.
            if (_resolved[longForm].Type is null or EntityType.Person) _resolved[longForm] = (EntityType.Org, "");
            foreach (var run in _runs.Where(r => r.Surface == shortForm && _resolved[r].Type is null or EntityType.Org))
                _resolved[run] = (_resolved[longForm].Type ?? EntityType.Org, "");
        }
        foreach (var (glossed, gloss) in glosses)
            if (_resolved[gloss].Type is { } t) _resolved[glossed] = (t, "");

        var people = new PersonIndex();
        foreach (var run in _runs)
            if (_resolved[run].Type == EntityType.Person && run.Last > run.First) people.Add(run.Surface);

        foreach (var run in _runs) _resolved[run] = (_resolved[run].Type ?? Guess(run, people), "");
        foreach (var run in _runs) _resolved[run] = (_resolved[run].Type, Canonical(run, people));
        foreach (var (glossed, gloss) in glosses) _resolved[glossed] = (_resolved[glossed].Type, _resolved[gloss].Canonical);

        var entities = _runs.Select(r => new Entity(r.Surface, _resolved[r].Type!.Value, r.Start, r.End, _resolved[r].Canonical)).ToList();
        // Names already known also count where the rules above passed over them: headlines, and surnames
        // that open a sentence ("Simonyan wrote that ...").
        entities.AddRange(FindKnownMentions(document.Sentences, entities, people, workTitles, headlineSentences));
        return MergeSpellingVariants(entities);
    }

    private List<(NameRun Glossed, NameRun Gloss)> FindDefinitions()
    {
        var glosses = new List<(NameRun, NameRun)>();
        var tokens = document.Tokens;
        for (var i = 0; i + 1 < _runs.Count; i++)
        {
            var run = _runs[i];
            var next = _runs[i + 1];
            if (next.First != run.Last + 2 || next.Last + 1 >= tokens.Count) continue;
            var open = tokens[run.Last + 1].Text;
            var close = tokens[next.Last + 1].Text;
            if (open == "(" && close == ")" && EntityTyper.IsAcronym(next.Surface) && !EntityTyper.IsAcronym(run.Surface))
            {
                _acronyms.TryAdd(next.Surface, run);
                RegisterAcronymParts(next.Surface, run.Surface);
            }
            else if (open == "[" && close == "]")
                glosses.Add((run, next));
        }
        return glosses;
    }

    // "CJTF–OIR" for "Combined Joint Task Force – Operation Inherent Resolve" also defines CJTF and OIR.
    private void RegisterAcronymParts(string acronym, string longForm)
    {
        var shortParts = SplitDash(acronym);
        var longParts = SplitDash(longForm);
        if (shortParts.Length < 2 || shortParts.Length != longParts.Length) return;
        for (var i = 0; i < shortParts.Length; i++) _acronymParts.TryAdd(shortParts[i], longParts[i]);
    }

    private static string[] SplitDash(string s) =>
        s.Split(['–', '—', '-'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private EntityType Guess(NameRun run, PersonIndex people)
    {
        if (run.First == run.Last && people.Resolve(run.Surface) is not null) return EntityType.Person;
        // The second member of a list takes the type of the first: "the localities of Tadia and al-Hamam".
        var before = run.First - 1;
        if (before > 0 && document.Tokens[before].Text is "and" or "or" or ",")
        {
            var previous = _runEndingAt.GetValueOrDefault(before - 1);
            if (previous is not null && _resolved.TryGetValue(previous, out var p) && p.Type is EntityType.Location) return EntityType.Location;
        }
        return learned?.TypeOf(run) ?? EntityType.Misc;
    }

    private string Canonical(NameRun run, PersonIndex people)
    {
        if (gazetteer.TryLookup(run.Surface, out var known, out _)) return known;
        if (_acronyms.TryGetValue(run.Surface, out var longForm)) return Canonical(longForm, people);
        var type = _resolved[run].Type;
        if (type == EntityType.Person) return people.Resolve(run.Surface) ?? run.Surface;
        if (type == EntityType.Org && SplitDash(run.Surface).Length > 1)
        {
            var expanded = string.Join(" – ", SplitDash(run.Surface).Select(p => _acronymParts.GetValueOrDefault(p, p)));
            foreach (var candidate in _acronyms.Values)
                if (candidate != run && SameLetters(candidate.Surface, expanded)) return Canonical(candidate, people);
        }
        return Gazetteer.Normalize(run.Surface);
    }

    private static bool SameLetters(string a, string b) =>
        string.Equals(new string(a.Where(char.IsLetterOrDigit).ToArray()), new string(b.Where(char.IsLetterOrDigit).ToArray()), StringComparison.OrdinalIgnoreCase);

    /// <summary>Headlines and other unchecked text: mentions of names already known, matched longest first.</summary>
    private List<Entity> FindKnownMentions(IReadOnlyList<Sentence> sentences, List<Entity> found, PersonIndex people, IReadOnlyList<Sentence> workTitles, IReadOnlyList<Sentence> headlines)
    {
        var covered = new HashSet<int>();
        foreach (var e in found)
            for (var k = document.Tokens.FirstAtOrAfter(e.Start); k < document.Tokens.Count && document.Tokens[k].Start < e.End; k++) covered.Add(k);
        var headlineSet = headlines.ToHashSet();
        var known = new Dictionary<string, (EntityType, string)>(StringComparer.Ordinal);
        foreach (var e in found) known.TryAdd(e.Text, (e.Type, e.Canonical));
        var maxTokens = Math.Max(gazetteer.MaxAliasTokens, 6);
        var result = new List<Entity>();
        var tokens = document.Tokens;
        foreach (var sentence in sentences)
        {
            var i = tokens.FirstAtOrAfter(sentence.Start);
            while (i < tokens.Count && tokens[i].Start < sentence.End)
            {
                var matched = 0;
                if (NameRunFinder.IsNameToken(tokens[i]) && !covered.Contains(i) && !workTitles.Any(w => w.Start <= tokens[i].Start && tokens[i].End <= w.End))
                {
                    for (var n = maxTokens; n >= 1 && matched == 0; n--)
                    {
                        var last = i + n - 1;
                        if (last >= tokens.Count || tokens[last].End > sentence.End || covered.Contains(last)) continue;
                        // Outside headlines a lone capitalised word is matched only to a known person or a shipped alias.
                        if (!headlineSet.Contains(sentence) && n == 1 && people.Resolve(tokens[i].Text) is null && !gazetteer.TryLookup(tokens[i].Text, out _, out _)) continue;
                        var surface = document.Text[tokens[i].Start..tokens[last].End];
                        var stripped = surface.EndsWith("’s", StringComparison.Ordinal) || surface.EndsWith("'s", StringComparison.Ordinal) ? surface[..^2] : surface;
                        if (known.TryGetValue(stripped, out var hit))
                            result.Add(new Entity(stripped, hit.Item1, tokens[i].Start, tokens[i].Start + stripped.Length, hit.Item2));
                        else if (gazetteer.TryLookup(stripped, out var canonical, out var type) && (n > 1 || char.IsUpper(stripped[0])))
                            result.Add(new Entity(stripped, type, tokens[i].Start, tokens[i].Start + stripped.Length, canonical));
                        else if (n == 1 && people.Resolve(stripped) is { } person)
                            result.Add(new Entity(stripped, EntityType.Person, tokens[i].Start, tokens[i].Start + stripped.Length, person));
                        else continue;
                        matched = n;
                    }
                }
                i += Math.Max(matched, 1);
            }
        }
        return result;
    }

    /// <summary>Unifies canonical names that differ only in spelling ("Raqqah" and "Raqqa").</summary>
    private static List<Entity> MergeSpellingVariants(List<Entity> entities)
    {
        // The spelling used most often names the entity.
        var counts = entities.CountBy(e => e.Canonical).ToDictionary();
        var byKey = new Dictionary<(EntityType, string), string>();
        foreach (var e in entities.OrderByDescending(e => counts[e.Canonical]))
            byKey.TryAdd((e.Type, SpellingKey(e.Canonical)), e.Canonical);
        return entities.Select(e => e with { Canonical = byKey[(e.Type, SpellingKey(e.Canonical))] }).ToList();
    }

    internal static string SpellingKey(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || !char.IsLetterOrDigit(c)) continue;
            var lower = char.ToLowerInvariant(c);
            if (sb.Length > 0 && sb[^1] == lower) continue; // doubled letters: "Mariupoll", "Hammam"
            sb.Append(lower);
        }
        var key = sb.ToString();
        if (key.Length > 4 && (key.StartsWith("al", StringComparison.Ordinal) || key.StartsWith("ar", StringComparison.Ordinal)) && name.Length > 3 && name[2] == '-')
            key = key[2..];
        if (key.Length > 4 && key.EndsWith('h')) key = key[..^1];
        return key;
    }
}
