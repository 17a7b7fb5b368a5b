using System.Text.Json;
using System.Text.Json.Nodes;
using Factdesk.Documents;
using Factdesk.Duplicates;
using Factdesk.Ingestion;

namespace Factdesk.Monitoring;

/// <summary>
/// One article to analyse, as the monitor publishes it: the text it extracted and what the page and its container
/// said about it. The extraction is done once, by the monitor, so the job carries text (usually a few KB) rather than
/// the page, and <see cref="Key"/> is known before publishing: the canonical URL when there is one, else the hash of
/// the text. It is the message id, so JetStream drops a second publish of the same article. <see cref="Url"/> is the
/// page's own address (its canonical link when it has one), <see cref="ItemUrl"/> the one its feed or archive gave:
/// the worker stores them as `factdesk ingest` would.
/// </summary>
public sealed record ArticleJob(
    string Key,
    string Name,
    string Text,
    string? Url = null,
    string? ItemUrl = null,
    string? Path = null,
    string? Title = null,
    string? Site = null,
    DateTimeOffset? Published = null,
    string? Language = null,
    IReadOnlyList<string>? Authors = null,
    string? ClaimReview = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The key the store's idempotency uses too: an article with this canonical URL or text hash is stored once.</summary>
    public static string KeyOf(string? canonicalUrl, string contentHash) => canonicalUrl ?? "sha256:" + contentHash;

    /// <summary>The job for a loaded document; <paramref name="containerUrl"/> is the address its feed or archive gave.</summary>
    public static ArticleJob Of(Document document, string name, string? containerUrl)
    {
        var source = document.Source;
        var key = KeyOf(CanonicalUrl.Of(source.Url ?? containerUrl), Fingerprint.Of(document.Text).ContentHash);
        return new ArticleJob(key, name, document.Text, source.Url, containerUrl, source.Path, source.Title, source.Site,
            source.Published, source.Language, source.Authors, document.ClaimReview?.ToJsonString());
    }

    /// <summary>A fresh document for the pipeline to enrich (each call a new one: a retried job starts clean).</summary>
    public Document ToDocument() =>
        new(Text, new SourceInfo(Path, Url, Title, Site, Published, Language, Authors))
        {
            ClaimReview = ClaimReview is null ? null : JsonNode.Parse(ClaimReview) as JsonObject,
        };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a job's message; anything that is not a job (junk published to the subject) is an <see cref="InputException"/> naming <paramref name="name"/>.</summary>
    public static ArticleJob Parse(ReadOnlySpan<byte> data, string name)
    {
        ArticleJob? job;
        try
        {
            job = JsonSerializer.Deserialize<ArticleJob>(data, Json);
        }
        catch (JsonException e)
        {
            throw new InputException(name, $"is not an article job ({e.Message.ReplaceLineEndings(" ")})");
        }
        if (job is null || string.IsNullOrEmpty(job.Key) || job.Text is null || job.Name is null)
            throw new InputException(name, "is not an article job (it needs a key, a name and a text)");
        return job;
    }
}
