using System.Text.Json;
using System.Text.Json.Serialization;
using Factdesk.Ingestion;

namespace Factdesk.Publishing;

/// <summary>One verdict of a rating scale: its name, its rank (1 = worst), where it sits between false (0) and true (1), and how it is shown.</summary>
public sealed record RatingLabel(string Name, int Value, double Truth, string Colour, string Description, IReadOnlyList<string> Aliases);

/// <summary>
/// A rating scale as data (Polygraph.info, PolitiFact's Truth-O-Meter, AVeriTeC, or a team's own file).
/// Verdict words from other outlets map onto it: by name or alias first, else to the label nearest in truth.
/// </summary>
public sealed class RatingScale
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public RatingScale(string id, string name, IReadOnlyList<RatingLabel> labels)
    {
        if (labels.Count < 2) throw new ArgumentException($"rating scale {id} needs at least two labels", nameof(labels));
        Id = id;
        Name = name;
        Labels = labels.OrderBy(l => l.Value).ToArray();
    }

    public string Id { get; }
    public string Name { get; }

    /// <summary>Worst first.</summary>
    public IReadOnlyList<RatingLabel> Labels { get; }

    public int WorstValue => Labels[0].Value;
    public int BestValue => Labels[^1].Value;

    public RatingLabel? Find(string name) =>
        Labels.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The label of this scale for a verdict as an outlet words it ("Pants on Fire", "wildly incorrect"),
    /// or null when the words are not a known verdict.
    /// </summary>
    public RatingLabel? Map(string verdictWords)
    {
        var words = Normalize(verdictWords);
        if (words.Length == 0) return null;
        var direct = Labels.FirstOrDefault(l => Normalize(l.Name) == words || l.Aliases.Any(a => Normalize(a) == words));
        if (direct is not null) return direct;
        // Words this scale does not list but another built-in scale does: map through their place between false and true.
        foreach (var other in RatingScales.BuiltIn.Where(s => s.Id != Id))
        {
            var label = other.Labels.FirstOrDefault(l => Normalize(l.Name) == words || l.Aliases.Any(a => Normalize(a) == words));
            if (label is not null) return Labels.MinBy(l => Math.Abs(l.Truth - label.Truth));
        }
        return null;
    }

    private static string Normalize(string s) => string.Join(' ', s.ToLowerInvariant().Replace('-', ' ')
        .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim('.', '!', ' ');

    /// <summary>Reads a scale file; <paramref name="source"/> names it in errors.</summary>
    public static RatingScale Parse(string json, string source)
    {
        ScaleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ScaleFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InputException(source, $"is not a valid rating scale file: {e.Message}");
        }
        if (file?.Labels is not { Count: >= 2 } labels || string.IsNullOrWhiteSpace(file.Id))
            throw new InputException(source, "a rating scale needs an \"id\" and at least two \"labels\"");
        var parsed = new List<RatingLabel>();
        foreach (var l in labels)
        {
            if (string.IsNullOrWhiteSpace(l.Name))
                throw new InputException(source, "every label needs a \"name\"");
            parsed.Add(new RatingLabel(l.Name.Trim(), l.Value, Math.Clamp(l.Truth, 0, 1), l.Colour ?? "#5e5c64", l.Description ?? "", l.Aliases ?? []));
        }
        if (parsed.Select(l => l.Value).Distinct().Count() != parsed.Count || parsed.Any(l => l.Value < 1))
            throw new InputException(source, "label values must be distinct whole numbers from 1 (the worst) up");
        return new RatingScale(file.Id.Trim(), file.Name ?? file.Id, parsed);
    }

    private sealed record ScaleFile(string? Id, string? Name, List<LabelFile>? Labels);

    private sealed record LabelFile(string? Name, int Value, double Truth, string? Colour, string? Description, List<string>? Aliases)
    {
        [JsonPropertyName("color")] public string? Color { init => Colour ??= value; }
    }
}
