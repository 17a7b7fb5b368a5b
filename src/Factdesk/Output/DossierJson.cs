using System.Text.Json;
using Factdesk.Documents;

namespace Factdesk.Output;

/// <summary>
/// Writes a <see cref="Document"/> as the dossier JSON contract: camelCase keys, every key always present
/// (unknown values are null, absent lists are []), offsets into "text".
/// </summary>
public static class DossierJson
{
    public static string Serialize(Document document) => JsonStyle.Render(indented: true, w => Write(w, document));

    private static void Write(Utf8JsonWriter w, Document document)
    {
        w.WriteStartObject();
        WriteObject(w, "source", document.Source, source =>
        {
            w.WriteString("path", source.Path);
            w.WriteString("url", source.Url);
            w.WriteString("title", source.Title);
            w.WriteString("site", source.Site);
            // The writer's DateTimeOffset form is ISO 8601 with the offset, e.g. 2017-06-12T10:00:00+00:00.
            if (source.Published is { } published)
                w.WriteString("published", published);
            else
                w.WriteNull("published");
            w.WriteString("language", source.Language);
        });
        w.WriteString("text", document.Text);
        WriteArray(w, "sentences", document.Sentences, s =>
        {
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
        });
        WriteArray(w, "entities", document.Entities, e =>
        {
            w.WriteString("text", e.Text);
            w.WriteString("type", Phrasing.EntityType(e.Type));
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("canonical", e.Canonical);
        });
        WriteArray(w, "quotes", document.Quotes, q =>
        {
            w.WriteString("text", q.Text);
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("kind", Phrasing.QuoteKind(q.Kind));
            w.WriteString("cue", q.Cue);
            WriteSpeaker(w, "speaker", q.Speaker);
        });
        WriteArray(w, "claims", document.Claims, c =>
        {
            w.WriteString("text", c.Text);
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteNumber("score", c.Score);
            WriteSpeaker(w, "claimant", c.Claimant);
        });
        WriteObject(w, "review", document.Review, review =>
        {
            WriteObject(w, "claim", review.Claim, claim =>
            {
                w.WriteString("text", claim.Text);
                WriteSpeaker(w, "claimant", claim.Claimant);
                w.WriteString("date", claim.Date);
                w.WriteString("where", claim.Where);
            });
            WriteObject(w, "verdict", review.Verdict, verdict =>
            {
                w.WriteString("label", verdict.Label);
                w.WriteBoolean("stated", verdict.Stated);
                w.WriteString("words", verdict.Words);
            });
            WriteArray(w, "sources", review.Sources, source =>
            {
                WriteSpeaker(w, "speaker", source.Speaker);
                w.WriteString("quote", source.Quote);
                w.WriteString("stance", Phrasing.Stance(source.Stance));
            });
            // Beside the stated verdict, never in its place: a reader sees both and which one the article said.
            WriteObject(w, "suggestion", review.Suggestion, s =>
                {
                    w.WriteString("label", s.Verdict.Label);
                    w.WriteBoolean("stated", false);
                    w.WriteString("explanation", s.Explanation);
                });
        });
        WriteArray(w, "matches", document.Matches, m =>
        {
            w.WriteString("claimText", m.ClaimText);
            w.WriteString("verdict", m.Verdict);
            w.WriteString("url", m.Url);
            w.WriteNumber("score", m.Score);
        });
        w.WritePropertyName("claimReview");
        if (document.ClaimReview is null)
            w.WriteNullValue();
        else
            document.ClaimReview.WriteTo(w);
        w.WriteEndObject();
    }

    private static void WriteSpeaker(Utf8JsonWriter w, string name, Speaker? speaker) =>
        WriteObject(w, name, speaker, s =>
        {
            w.WriteString("name", s.Name);
            w.WriteString("title", s.Title);
            w.WriteString("organization", s.Organization);
        });

    /// <summary>"name": {fields} or "name": null; the contract keeps keys whose value is unknown.</summary>
    private static void WriteObject<T>(Utf8JsonWriter w, string name, T? value, Action<T> writeFields) where T : class
    {
        if (value is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        writeFields(value);
        w.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> writeFields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
