using System.Text;

namespace Factdesk.Evaluation;

/// <summary>
/// RFC 4180 CSV: comma-separated fields, double quotes around fields that hold commas, quotes or line breaks,
/// a doubled quote for a quote inside. Benchmark files (FNC-1 bodies) hold whole articles in one field.
/// </summary>
public static class CsvRecords
{
    /// <summary>Every record of <paramref name="reader"/>, the header row included, as its fields.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>One field, quoted when it must be.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
