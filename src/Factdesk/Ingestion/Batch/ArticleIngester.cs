using Factdesk.Documents;
using Factdesk.Duplicates;
using Factdesk.Output;
using Factdesk.Pipeline;
using Factdesk.Storage;

namespace Factdesk.Ingestion.Batch;

/// <summary>Reads each item, skips what is already stored, runs the pipeline and stores the article with its dossier.</summary>
public sealed class ArticleIngester(IArticleStore store, AnalysisPipeline pipeline)
{
    private readonly NearDuplicateIndex _originals = new(store.Originals());

    /// <summary>
    /// The most analysis time one article may use; a typical article takes well under a second, so this only
    /// stops a pathological input from holding up the batch. The article is reported failed and nothing is stored.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs on each analysed article just before it is stored, so what it adds to the document (the monitoring
    /// workers' fact-check matches) is in the stored dossier. It does not run for an article already stored.
    /// </summary>
    public Action<Document>? Enrich { get; init; }

    public IngestOutcome Ingest(InputItem item)
    {
        try
        {
            return Store(item);
        }
        catch (InputException e)
        {
            return new IngestOutcome(item.Name, IngestStatus.Failed, Reason: e.Problem);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A bug in a stage must not cost the rest of the batch; the item is reported and the store is untouched.
            return new IngestOutcome(item.Name, IngestStatus.Failed, Reason: $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private IngestOutcome Store(InputItem item)
    {
        var document = item.Load();
        var fingerprint = Fingerprint.Of(document.Text);
        var canonical = CanonicalUrl.Of(document.Source.Url ?? item.Url);
        // Checked before the pipeline runs, so a re-run over the same inputs costs only the reading.
        if (store.FindExisting(canonical, fingerprint.ContentHash) is { } existing)
            return new IngestOutcome(item.Name, IngestStatus.AlreadyStored, existing);
        var copyOf = _originals.FindOriginal(fingerprint, document.Text, id => store.Get(id)?.Article.Text);
        var analysed = pipeline.Process(document, Budget, item.Name);
        Enrich?.Invoke(analysed);
        var result = store.Add(Record(analysed, item, canonical, fingerprint, copyOf));
        if (!result.Added)
            return new IngestOutcome(item.Name, IngestStatus.AlreadyStored, result.Id);
        if (copyOf == null)
            _originals.Add(result.Id, fingerprint);
        return new IngestOutcome(item.Name, copyOf == null ? IngestStatus.Stored : IngestStatus.StoredCopy, result.Id, copyOf);
    }

    private static ArticleRecord Record(Document document, InputItem item, string? canonical, Fingerprint fingerprint, long? copyOf)
    {
        var source = document.Source;
        return new ArticleRecord(
            document.Text,
            fingerprint.ContentHash,
            fingerprint.SimHash,
            DossierJson.Serialize(document),
            Url: item.Url ?? source.Url,
            CanonicalUrl: canonical,
            Path: source.Path,
            Title: source.Title,
            Site: source.Site,
            Published: source.Published,
            Language: source.Language,
            Authors: source.Authors,
            DuplicateOf: copyOf);
    }
}
