using Factdesk.Documents;

namespace Factdesk.Output;

/// <summary>All mentions of one entity, keyed by the canonical name the entity stage gave them.</summary>
public sealed record EntityGroup(string Canonical, EntityType Type, IReadOnlyList<string> Mentions, int Count)
{
    /// <summary>Most-mentioned first; the distinct mention texts keep their order of appearance.</summary>
    public static IReadOnlyList<EntityGroup> From(IEnumerable<Entity> entities) =>
        entities
            .GroupBy(e => e.Canonical, StringComparer.Ordinal)
            .Select(g => new EntityGroup(
                g.Key,
                // Stages may disagree on a type for the same name; the majority is the best single label.
                g.GroupBy(e => e.Type).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).First().Key,
                g.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToArray(),
                g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Canonical, StringComparer.Ordinal)
            .ToArray();
}
