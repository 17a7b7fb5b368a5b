using System.Globalization;
using System.Text;

namespace Factdesk.Evaluation;

/// <summary>
/// Attribution relations in brat standoff: `T` lines give role spans, `E` lines tie a Content, a Cue and an optional
/// Source into one relation (PolNeAR's layout). Spans are character offsets into the article's raw text.
/// </summary>
public static class BratAttributions
{
    public static List<Attribution> Parse(string ann)
    {
        var spans = new Dictionary<string, RoleSpan>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (var line in ann.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length < 2) continue;
            if (fields[0].StartsWith('T')) spans[fields[0]] = ParseSpan(fields[1]);
            else if (fields[0].StartsWith('E')) events.Add(fields[1]);
        }
        var relations = new List<Attribution>();
        foreach (var arguments in events)
        {
            RoleSpan? content = null, cue = null, source = null;
            foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = argument.IndexOf(':');
                if (colon < 0 || !spans.TryGetValue(argument[(colon + 1)..], out var span)) continue;
                switch (argument[..colon])
                {
                    case "Content": content = span; break;
                    case "Cue": cue = span; break;
                    case "Source": source = span; break;
                }
            }
            if (content is not null) relations.Add(new Attribution(content, cue, source));
        }
        return relations;
    }

    // "Content 315 448;463 553": a span in fragments; the outer bounds are close enough for overlap scoring.
    private static RoleSpan ParseSpan(string field)
    {
        var parts = field.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) throw new FormatException($"not a brat span: '{field}'");
        var offsets = parts.Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        return new RoleSpan(offsets.Min(), offsets.Max());
    }

    /// <summary>brat text for <paramref name="relations"/> over <paramref name="text"/>, in PolNeAR's layout (the cue doubles as the event anchor).</summary>
    public static string Write(string text, IEnumerable<Attribution> relations)
    {
        var output = new StringBuilder();
        var t = 0;
        var e = 0;
        string Span(string role, RoleSpan span)
        {
            var surface = text[span.Start..span.End].Replace('\n', ' ').Replace('\r', ' ');
            output.Append(CultureInfo.InvariantCulture, $"T{++t}\t{role} {span.Start} {span.End}\t{surface}\n");
            return "T" + t;
        }
        foreach (var relation in relations)
        {
            var content = Span("Content", relation.Content);
            var arguments = new StringBuilder();
            if (relation.Cue is { } cueSpan)
            {
                var cue = Span("Cue", cueSpan);
                arguments.Append("Attribution:").Append(Span("Attribution", cueSpan)).Append(" Cue:").Append(cue).Append(' ');
            }
            arguments.Append("Content:").Append(content);
            if (relation.Source is { } source) arguments.Append(" Source:").Append(Span("Source", source));
            output.Append(CultureInfo.InvariantCulture, $"E{++e}\t{arguments}\n");
        }
        return output.ToString();
    }
}
