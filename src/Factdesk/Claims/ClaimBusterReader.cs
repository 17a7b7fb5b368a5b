using System.Text.Json;
using Factdesk.Ingestion;
using Factdesk.Learning;

namespace Factdesk.Claims;

/// <summary>
/// The ClaimBuster two-class release: a JSON array of {"sentence_id", "label" (1 = check-worthy factual statement),
/// "text"}. Every sentence is its own group; a stable fifth of the ids is the development part.
/// </summary>
public static class ClaimBusterReader
{
    public const double DevelopmentShare = 0.2;

    public static IReadOnlyList<LabelledSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"is not valid JSON ({e.Message})");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
                throw new InputException(path, "expected a JSON array of {\"sentence_id\", \"label\", \"text\"} objects");
            var sentences = new List<LabelledSentence>();
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("sentence_id", out var id)
                    || !item.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.Number
                    || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    throw new InputException(path, $"item {sentences.Count + 1} lacks a sentence_id, a numeric label or a text");
                var key = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
                sentences.Add(new LabelledSentence(key, key, text.GetString()!, label.GetInt32() == 1, StableSplit.IsDevelopment(key, DevelopmentShare)));
            }
            return sentences;
        }
    }
}
