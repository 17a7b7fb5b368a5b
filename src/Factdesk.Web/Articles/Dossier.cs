using System.Text.Json;

namespace Factdesk.Web.Articles;

public sealed record DossierSpeaker(string? Name, string? Title, string? Organization)
{
    /// <summary>"Name, Title", with the organisation only when the title does not already name it.</summary>
    public string Label => string.Join(", ", new[] { Name, Title, Title?.Contains(Organization ?? "\0", StringComparison.Ordinal) == true ? null : Organization }
        .Where(s => !string.IsNullOrWhiteSpace(s)));
}

public sealed record DossierQuote(string Text, int Start, int End, string Kind, DossierSpeaker? Speaker);

public sealed record DossierEntity(string Text, string Type, int Start, int End, string Canonical);

public sealed record DossierClaim(int Index, string Text, int Start, int End, double Score, DossierSpeaker? Claimant);

/// <summary>
/// A stored dossier read back from its JSON contract: the text and the spans the desk highlights in it. Spans whose
/// offsets do not fit the text are dropped, so a damaged dossier shows less rather than failing the page.
/// </summary>
public sealed record Dossier(
    string Text,
    string? Title,
    IReadOnlyList<DossierQuote> Quotes,
    IReadOnlyList<DossierEntity> Entities,
    IReadOnlyList<DossierClaim> Claims,
    string? SuggestedVerdict,
    string? SuggestionExplanation)
{
    public static Dossier Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        bool Fits(int start, int end) => start >= 0 && start <= end && end <= text.Length;

        var quotes = Items(root, "quotes").Select(q => new DossierQuote(Str(q, "text") ?? "", Int(q, "start"), Int(q, "end"), Str(q, "kind") ?? "", Speaker(q, "speaker")))
            .Where(q => Fits(q.Start, q.End)).ToList();
        var entities = Items(root, "entities").Select(e => new DossierEntity(Str(e, "text") ?? "", Str(e, "type") ?? "", Int(e, "start"), Int(e, "end"), Str(e, "canonical") ?? ""))
            .Where(e => Fits(e.Start, e.End)).ToList();
        var claims = Items(root, "claims").Select((c, i) => new DossierClaim(i, Str(c, "text") ?? "", Int(c, "start"), Int(c, "end"), c.GetProperty("score").GetDouble(), Speaker(c, "claimant")))
            .Where(c => Fits(c.Start, c.End)).ToList();
        string? suggested = null, explanation = null;
        if (root.TryGetProperty("review", out var review) && review.ValueKind == JsonValueKind.Object
            && review.TryGetProperty("suggestion", out var suggestion) && suggestion.ValueKind == JsonValueKind.Object)
        {
            suggested = Str(suggestion, "label");
            explanation = Str(suggestion, "explanation");
        }
        var title = root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object ? Str(source, "title") : null;
        return new Dossier(text, title, quotes, entities, claims, suggested, explanation);
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : -1;

    private static DossierSpeaker? Speaker(JsonElement e, string name) =>
        e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object ? new DossierSpeaker(Str(s, "name"), Str(s, "title"), Str(s, "organization")) : null;
}
