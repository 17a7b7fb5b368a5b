using Factdesk.Documents;

namespace Factdesk.Ingestion.Batch;

/// <summary>
/// One article to ingest: a file, a feed item or a JSON Lines record. <see cref="Load"/> reads it and throws
/// <see cref="InputException"/> when it cannot be read, so one bad item fails alone. <see cref="Url"/> is the
/// address its container gave (a feed item's link); the page's own canonical link, when it has one, wins.
/// </summary>
public sealed record InputItem(string Name, string? Url, Func<Document> Load)
{
    /// <summary>An item that could not even be found or split out of its container; loading it reports why.</summary>
    public static InputItem Failed(string name, string problem) => new(name, null, () => throw new InputException(name, problem));

    public static string? WebUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    /// <summary>The document with its source details replaced by what the container knew (a feed's link and date).</summary>
    public static Document WithSource(Document document, SourceInfo source) =>
        new(document.Text, source) { ClaimReview = document.ClaimReview };
}
