using System.Text;
using Factdesk.Ingestion;

namespace Factdesk.Evaluation;

/// <summary>Tab-separated files as pandas writes them: a field may be double-quoted, with "" for a quote and line breaks inside.</summary>
public static class Tsv
{
    public static IEnumerable<string[]> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        return Parse(File.ReadAllText(path));
    }

    public static IEnumerable<string[]> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case '\t':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) yield return fields.ToArray();
                    fields.Clear();
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
