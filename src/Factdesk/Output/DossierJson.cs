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
        w.WritePropertyName("source");
        WriteSource(w, document.Source);
        w.WriteString("text", document.Text);

        w.WriteStartArray("sentences");
        foreach (var s in document.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in document.Entities)
        {
            w.WriteStartObject();
            w.WriteString("text", e.Text);
            w.WriteString("type", Phrasing.EntityType(e.Type));
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("canonical", e.Canonical);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in document.Quotes)
        {
            w.WriteStartObject();
            w.WriteString("text", q.Text);
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("kind", Phrasing.QuoteKind(q.Kind));
            w.WriteString("cue", q.Cue);
            w.WritePropertyName("speaker");
            WriteSpeaker(w, q.Speaker);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("claims");
        foreach (var c in document.Claims)
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteNumber("score", c.Score);
            w.WritePropertyName("claimant");
            WriteSpeaker(w, c.Claimant);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WritePropertyName("review");
        WriteReview(w, document.Review);

        w.WriteStartArray("matches");
        foreach (var m in document.Matches)
        {
            w.WriteStartObject();
            w.WriteString("claimText", m.ClaimText);
            w.WriteString("verdict", m.Verdict);
            w.WriteString("url", m.Url);
            w.WriteNumber("score", m.Score);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WritePropertyName("claimReview");
        if (document.ClaimReview is null)
            w.WriteNullValue();
        else
            document.ClaimReview.WriteTo(w);

        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, SourceInfo source)
    {
        w.WriteStartObject();
        w.WriteString("path", source.Path);
        w.WriteString("url", source.Url);
        w.WriteString("title", source.Title);
        w.WriteString("site", source.Site);
        w.WritePropertyName("published");
        // The writer's DateTimeOffset form is ISO 8601 with the offset, e.g. 2017-06-12T10:00:00+00:00.
        if (source.Published is { } published)
            w.WriteStringValue(published);
        else
            w.WriteNullValue();
        w.WriteString("language", source.Language);
        w.WriteEndObject();
    }

    private static void WriteSpeaker(Utf8JsonWriter w, Speaker? speaker)
    {
        if (speaker is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("name", speaker.Name);
        w.WriteString("title", speaker.Title);
        w.WriteString("organization", speaker.Organization);
        w.WriteEndObject();
    }

    private static void WriteReview(Utf8JsonWriter w, ReviewInfo? review)
    {
        if (review is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();

        w.WriteStartObject("claim");
        w.WriteString("text", review.Claim.Text);
        w.WritePropertyName("claimant");
        WriteSpeaker(w, review.Claim.Claimant);
        w.WriteString("date", review.Claim.Date);
        w.WriteEndObject();

        w.WritePropertyName("verdict");
        if (review.Verdict is null)
            w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            w.WriteString("label", review.Verdict.Label);
            w.WriteBoolean("stated", review.Verdict.Stated);
            w.WriteEndObject();
        }

        w.WriteStartArray("sources");
        foreach (var source in review.Sources)
        {
            w.WriteStartObject();
            w.WritePropertyName("speaker");
            WriteSpeaker(w, source.Speaker);
            w.WriteString("quote", source.Quote);
            w.WriteString("stance", Phrasing.Stance(source.Stance));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteEndObject();
    }
}
