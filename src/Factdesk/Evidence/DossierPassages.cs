using System.Text.Json;
using Factdesk.Documents;
using Factdesk.Storage;

namespace Factdesk.Evidence;

/// <summary>
/// The passages of a stored article, read back from its dossier JSON: the dossier already has the sentence bounds
/// and the quotes with their speakers, so nothing is analysed again.
/// </summary>
public static class DossierPassages
{
    public static IEnumerable<Passage> Of(StoredArticle stored)
    {
        var article = stored.Article;
        var source = new PassageSource(stored.Id, article.Title, article.Site, article.Published, article.Url ?? article.CanonicalUrl);
        using var dossier = JsonDocument.Parse(article.DossierJson);
        var root = dossier.RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        var quotes = Spans(root, "quotes").Select(q => (Start: q.GetProperty("start").GetInt32(), End: q.GetProperty("end").GetInt32(), Speaker: ReadSpeaker(q))).ToList();
        var entities = Spans(root, "entities").Select(e => (Start: e.GetProperty("start").GetInt32(), End: e.GetProperty("end").GetInt32(), Name: e.GetProperty("canonical").GetString())).ToList();
        var passages = new List<Passage>();
        foreach (var sentence in Spans(root, "sentences"))
        {
            var start = Math.Clamp(sentence.GetProperty("start").GetInt32(), 0, text.Length);
            var end = Math.Clamp(sentence.GetProperty("end").GetInt32(), start, text.Length);
            var passage = text[start..end].Trim();
            if (passage.Length == 0) continue;
            // A quote can run over several sentences; each of them carries its speaker, the part inside the sentence is its quote.
            var quote = quotes.Where(q => q.Start < end && start < q.End).OrderByDescending(q => Math.Min(q.End, end) - Math.Max(q.Start, start)).FirstOrDefault();
            var quoted = quote.End > quote.Start ? text[Math.Max(quote.Start, start)..Math.Min(quote.End, end)].Trim() : null;
            var names = entities.Where(e => e.Start < end && start < e.End && e.Name is not null).Select(e => e.Name!).Distinct(StringComparer.Ordinal).ToList();
            passages.Add(new Passage(source, passage, quoted, quoted is null ? null : quote.Speaker, names));
        }
        return passages;
    }

    private static IEnumerable<JsonElement> Spans(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static Speaker? ReadSpeaker(JsonElement quote)
    {
        if (!quote.TryGetProperty("speaker", out var s) || s.ValueKind != JsonValueKind.Object) return null;
        string? Field(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Speaker(Field("name"), Field("title"), Field("organization"));
    }
}
