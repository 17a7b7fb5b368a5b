using System.Globalization;
using System.Text;

namespace Factdesk.Evaluation;

/// <summary>
/// Attribution relations in brat standoff: `T` lines give role spans, `E` lines tie a Content, a Cue and an optional
/// Source into one relation (PolNeAR's layout). Spans are character offsets into the article's raw text.
/// </summary>
public static class BratAttributions
{
    /// <param name="name">The file the annotations came from, named in the error for a malformed span.</param>
    public static List<Attribution> Parse(string ann, string name = "brat annotations")
    {
        var spans = new Dictionary<string, RoleSpan>(StringComparer.Ordinal);
        var events = new List<string>();
        var number = 0;
        foreach (var line in ann.Split('\n'))
        {
            number++;
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length < 2) continue;
            if (fields[0].StartsWith('T'))
                spans[fields[0]] = ParseSpan(fields[1]) ?? throw new Ingestion.InputException(name, $"line {number}: '{fields[1]}' is not a brat span (a type, then start and end offsets)");
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
    private static RoleSpan? ParseSpan(string field)
    {
        var parts = field.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        var offsets = new List<int>(parts.Length - 1);
        foreach (var part in parts.Skip(1))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return null;
            offsets.Add(offset);
        }
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
