using System.Reflection;
using Factdesk.Ingestion;

namespace Factdesk.Publishing;

/// <summary>The built-in rating scales (shipped as data files) and the lookup of a scale by id or by path to a team's own file.</summary>
public static class RatingScales
{
    public const string DefaultId = "polygraph";

    public static IReadOnlyList<RatingScale> BuiltIn { get; } = LoadBuiltIn();

    public static RatingScale Default => Get(DefaultId);

    /// <summary>A built-in scale by id, or a scale file by path.</summary>
    public static RatingScale Get(string idOrPath)
    {
        var builtIn = BuiltIn.FirstOrDefault(s => string.Equals(s.Id, idOrPath, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null) return builtIn;
        if (!File.Exists(idOrPath))
            throw new InputException(idOrPath, $"is neither a built-in rating scale ({string.Join(", ", BuiltIn.Select(s => s.Id))}) nor a scale file");
        return RatingScale.Parse(File.ReadAllText(idOrPath), idOrPath);
    }

    private static IReadOnlyList<RatingScale> LoadBuiltIn()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Publishing.Scales.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return RatingScale.Parse(reader.ReadToEnd(), n);
            })
            .ToArray();
    }
}
