using System.Text.Json;

namespace Factdesk.Ingestion.Batch;

/// <summary>Articles in JSON Lines: one object a line, <c>{"url": ..., "html": ...}</c> or <c>{"url": ..., "text": ...}</c>.</summary>
internal static class JsonLinesItems
{
    public static IEnumerable<InputItem> Read(string content, string name)
    {
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
                yield return Item(lines[i], $"{name} line {i + 1}");
        }
    }

    private static InputItem Item(string line, string name)
    {
        JsonElement record;
        try
        {
            record = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException e)
        {
            return InputItem.Failed(name, $"is not valid JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
        // A string that is not valid UTF-16 (an unpaired surrogate) cannot even be handed to the JSON reader.
        catch (ArgumentException)
        {
            return InputItem.Failed(name, "is not valid text (an unpaired UTF-16 surrogate)");
        }
        if (record.ValueKind != JsonValueKind.Object)
            return InputItem.Failed(name, "is not a JSON object");
        var url = String(record, "url");
        var html = String(record, "html");
        var text = String(record, "text");
        if (html == null && text == null)
            return InputItem.Failed(name, "has neither \"html\" nor \"text\"");
        var link = InputItem.WebUrl(url);
        return new InputItem(name, link, () =>
        {
            var document = ArticleLoader.FromString(html ?? text!, name, html != null);
            return InputItem.WithSource(document, document.Source with { Url = document.Source.Url ?? link });
        });
    }

    private static string? String(JsonElement record, string key) =>
        record.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
