using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Factdesk.Ingestion;

namespace Factdesk.Publishing;

/// <summary>
/// Every ClaimReview in a JSON-LD file (one object, an array, or an @graph) or in the JSON-LD scripts of an HTML
/// page, each with the JSON path it was found at.
/// </summary>
public static class ClaimReviewSources
{
    public static IReadOnlyList<(JsonObject Review, string Path)> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, Directory.Exists(path) ? "is a directory, not a file" : "no such file");
        var content = File.ReadAllText(path);
        var looksLikeHtml = content.TrimStart().StartsWith('<');
        return looksLikeHtml ? FromHtml(content, path) : FromJson(content, path, "$");
    }

    public static IReadOnlyList<(JsonObject Review, string Path)> FromHtml(string html, string source)
    {
        var page = new HtmlParser().ParseDocument(html);
        var found = new List<(JsonObject, string)>();
        var index = 0;
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            found.AddRange(FromJson(script.TextContent, source, $"script[{index}]$"));
            index++;
        }
        return found;
    }

    public static IReadOnlyList<(JsonObject Review, string Path)> FromJson(string json, string source, string root)
    {
        JsonNode? node;
        try
        {
            // Duplicate keys refused while parsing: JsonNode otherwise accepts them and throws on the first lookup.
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InputException(source, $"is not valid JSON ({root}): {e.Message}");
        }
        // System.Text.Json transcodes to UTF-8 before it parses, and refuses text with an unpaired surrogate.
        catch (ArgumentException)
        {
            throw new InputException(source, $"is not valid JSON ({root}): it holds an unpaired UTF-16 surrogate");
        }
        var found = new List<(JsonObject, string)>();
        Collect(node, root, found);
        return found;
    }

    private static void Collect(JsonNode? node, string path, List<(JsonObject, string)> found)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Collect(array[i], $"{path}[{i}]", found);
                break;
            case JsonObject obj when obj["@graph"] is JsonArray graph:
                Collect(graph, $"{path}.@graph", found);
                break;
            case JsonObject obj when IsClaimReview(obj):
                found.Add((obj, path));
                break;
        }
    }

    internal static bool IsClaimReview(JsonObject obj) => obj["@type"] switch
    {
        JsonValue one => JsonLdValues.String(one) == "ClaimReview",
        JsonArray types => types.Any(t => JsonLdValues.String(t) == "ClaimReview"),
        _ => false,
    };
}
