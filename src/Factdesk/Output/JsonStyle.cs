using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Factdesk.Output;

/// <summary>How every JSON document Factdesk produces is written.</summary>
public static class JsonStyle
{
    // The relaxed encoder keeps every script readable ("Сирия", “curly quotes”, \" rather than \u0022).
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the JSON text it produced.</summary>
    public static string Render(bool indented, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedOptions : CompactOptions))
            write(writer);
        var json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        // The relaxed encoder leaves <, > and & alone, so a "</script>" in article text could end an HTML block
        // this JSON is embedded in. The writer never emits those characters outside string literals, nor inside
        // an escape sequence, so replacing every one of them with its \u escape is exact.
        return json.Replace("<", "\\u003C").Replace(">", "\\u003E").Replace("&", "\\u0026");
    }
}
