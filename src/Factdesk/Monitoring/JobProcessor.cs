using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Storage;

namespace Factdesk.Monitoring;

/// <summary>
/// What a worker does with one job, apart from the messaging: analyse the article, store it with its dossier
/// (idempotent by article key), find its alerts, and, once those are published, mark the article finished. A job
/// delivered again finds its article stored and finished and does nothing; one whose worker died between storing and
/// finishing redoes only the analysis and the alerts.
/// </summary>
public sealed class JobProcessor
{
    private readonly IAlertStore _alerts;
    private readonly AnalysisPipeline _pipeline;
    private readonly AlertFinder _finder;
    private readonly ArticleIngester _ingester;
    private IReadOnlyList<AlertRecord> _found = [];

    public JobProcessor(IArticleStore articles, IAlertStore alerts, AnalysisPipeline pipeline, AlertFinder finder)
    {
        _alerts = alerts;
        _pipeline = pipeline;
        _finder = finder;
        _ingester = new ArticleIngester(articles, pipeline) { Enrich = document => _found = finder.Find(document) };
    }

    /// <summary>Runs the job up to the store commit. Throws <see cref="JobFailedException"/> when the article cannot be analysed or stored.</summary>
    public JobResult Process(ArticleJob job)
    {
        _found = [];
        var outcome = _ingester.Ingest(new InputItem(job.Name, job.ItemUrl, job.ToDocument));
        if (outcome.Status == IngestStatus.Failed || outcome.Id is not { } id)
            throw new JobFailedException(outcome.Reason ?? "failed");
        if (outcome.Status != IngestStatus.AlreadyStored)
            return new JobResult(id, outcome.Status, _found);
        if (_alerts.IsFinished(id))
            return new JobResult(id, outcome.Status, [], Finished: true);
        // Stored, but the worker stopped before recording its alerts (or another command stored it): alerts only.
        var document = _pipeline.Process(job.ToDocument(), _ingester.Budget, job.Name);
        return new JobResult(id, outcome.Status, _finder.Find(document));
    }

    /// <summary>Records the job's alerts and marks its article finished; call once the alerts are published.</summary>
    public void Finish(JobResult result)
    {
        if (!result.Finished)
            _alerts.Finish(result.ArticleId, result.Alerts);
    }
}

/// <summary>A processed job: its stored article, what storing did, and the alerts to publish (none when it was already finished).</summary>
public sealed record JobResult(long ArticleId, IngestStatus Status, IReadOnlyList<AlertRecord> Alerts, bool Finished = false);

/// <summary>A job that could not be done; the message is the reason (one line), kept with the job if it is dead-lettered.</summary>
public sealed class JobFailedException(string reason) : Exception(reason);
