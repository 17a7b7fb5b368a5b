using System.Text.Json;
using System.Text.Json.Nodes;

namespace Factdesk.Publishing;

/// <summary>Reading JSON-LD values that may be of any JSON kind, where only a string will do.</summary>
public static class JsonLdValues
{
    /// <summary>The string a node holds, as written; null for numbers, objects, arrays and absent nodes.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
