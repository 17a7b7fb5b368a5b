using System.Reflection;
using Factdesk.Documents;

namespace Factdesk.Entities;

/// <summary>
/// The shipped tables of well-known entities with their aliases (aliases.tsv) and of nationality
/// adjectives (demonyms.tsv). Loaded once; lookups are dictionary hits.
/// </summary>
public sealed class Gazetteer
{
    public static Gazetteer Default { get; } = Load();

    private readonly Dictionary<string, (string Canonical, EntityType Type)> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Canonical, EntityType Type)> _folded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstWords = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest alias in tokens, which bounds the search for multi-word names.</summary>
    public int MaxAliasTokens { get; private set; } = 1;

    public bool TryLookup(string surface, out string canonical, out EntityType type)
    {
        var key = Normalize(surface);
        if (_exact.TryGetValue(key, out var hit) || (key.Length > 4 && _folded.TryGetValue(key, out hit)))
        {
            (canonical, type) = hit;
            return true;
        }
        canonical = "";
        type = EntityType.Misc;
        return false;
    }

    /// <summary>The place a nationality adjective refers to ("Russian" → "Russia"), or null.</summary>
    public string? PlaceOfDemonym(string word) => _demonyms.GetValueOrDefault(Normalize(word));

    public bool IsDemonym(string word) => _demonyms.ContainsKey(Normalize(word));

    /// <summary>
    /// False when no alias can begin with this token, so that a caller trying every span of a sentence (the
    /// entity tagger) skips building span text that cannot match. Tokens Normalize would change pass.
    /// </summary>
    public bool CanStartAlias(string token) =>
        _firstWords.Contains(token) || token.Contains('’') || token.Equals("the", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string surface)
    {
        var s = surface.Trim().Replace('’', '\'');
        if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) s = s[4..];
        return s;
    }

    private void Add(string alias, string canonical, EntityType type)
    {
        var key = Normalize(alias);
        if (key.Length == 0) return;
        _exact.TryAdd(key, (canonical, type));
        if (key.Length > 4) _folded.TryAdd(key, (canonical, type));
        _firstWords.Add(key.Split(' ')[0]);
        MaxAliasTokens = Math.Max(MaxAliasTokens, key.Split(' ').Length + 2);
    }

    private static Gazetteer Load()
    {
        var gazetteer = new Gazetteer();
        foreach (var fields in ReadTable("aliases.tsv"))
        {
            var type = Enum.Parse<EntityType>(fields[1], ignoreCase: true);
            gazetteer.Add(fields[0], fields[0], type);
            if (fields.Length > 2)
                foreach (var alias in fields[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    gazetteer.Add(alias, fields[0], type);
        }
        foreach (var fields in ReadTable("demonyms.tsv"))
            gazetteer._demonyms[fields[0]] = fields[1];
        return gazetteer;
    }

    private static IEnumerable<string[]> ReadTable(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }
}
