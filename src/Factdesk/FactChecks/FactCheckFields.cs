using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Factdesk.FactChecks;

/// <summary>The small readings every import format needs: trimmed text, dates, numbers, and the derived source key.</summary>
internal static class FactCheckFields
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "d MMMM yyyy", "MMMM d, yyyy", "d MMM yyyy", "MMM d, yyyy"];

    /// <summary>The text with surrounding white space removed, or null when nothing is left.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A JSON string (or number) as text; objects and arrays are not text.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => Text(value.GetValue<string>()),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    public static double? Number(JsonNode? node) =>
        Text(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    /// <summary>An ISO date (yyyy-MM-dd) when the text reads as a date, else the text as written (or null).</summary>
    public static string? Date(string? value)
    {
        if (Text(value) is not { } text) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && (exact = parsed.Date) != default)
            return exact.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>
    /// The key of a fact-check that has no id of its own: publisher, URL and a hash of the claim. One article often
    /// reviews several claims under one URL, so the URL alone would merge them.
    /// </summary>
    public static string DerivedKey(string? publisher, string? url, string claim)
    {
        var words = string.Join(' ', claim.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(words)))[..16];
        return $"{publisher ?? ""}|{url ?? ""}|{hash}";
    }
}
