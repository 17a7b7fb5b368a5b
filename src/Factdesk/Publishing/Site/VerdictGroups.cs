namespace Factdesk.Publishing.Site;

/// <summary>Fact-checks grouped by verdict: the scale's labels from true to false, then verdicts the scale does not know, then unrated.</summary>
internal sealed record VerdictGroup(string Name, RatingLabel? Label, IReadOnlyList<SiteEntry> Entries);

internal static class VerdictGroups
{
    public static IReadOnlyList<VerdictGroup> Of(IEnumerable<SiteEntry> entries, RatingScale scale)
    {
        var all = entries.ToList();
        var groups = new List<VerdictGroup>();
        foreach (var label in scale.Labels.Reverse())
        {
            var matching = all.Where(e => e.Label == label).ToList();
            if (matching.Count > 0) groups.Add(new VerdictGroup(label.Name, label, matching));
        }
        // Words the scale cannot place are shown as the publisher wrote them, grouped case-insensitively.
        foreach (var other in all.Where(e => e.Label is null && e.Fact.Verdict is not null)
                     .GroupBy(e => e.Fact.Verdict!.Trim(), StringComparer.OrdinalIgnoreCase)
                     .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
            groups.Add(new VerdictGroup(other.First().Fact.Verdict!.Trim(), null, other.ToList()));
        var unrated = all.Where(e => e.Label is null && e.Fact.Verdict is null).ToList();
        if (unrated.Count > 0) groups.Add(new VerdictGroup("Not rated", null, unrated));
        return groups;
    }
}
