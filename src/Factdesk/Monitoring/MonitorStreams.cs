using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Factdesk.Monitoring;

/// <summary>
/// The three JetStream streams of the monitoring pipeline and the workers' durable consumer, named from one
/// <see cref="Prefix"/> (so two pipelines, or two tests, can share a server): jobs (a work queue: a job is removed once
/// a worker acknowledges it), alerts and dead letters (kept for <see cref="Retention"/>).
/// </summary>
public sealed record MonitorStreams(string Prefix = MonitorStreams.DefaultPrefix)
{
    public const string DefaultPrefix = "factdesk";

    /// <summary>Copies of each stream in a cluster: 1 on a single server, 3 in the deployment guide's cluster.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// How long JetStream remembers a job's message id (the article key) and drops a second publish of it. An hour
    /// covers a monitor restarted between polls; beyond it the workers' idempotent store still stores an article once.
    /// </summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long alerts and dead letters are kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    public string JobsStream => Upper + "_JOBS";
    public string JobsSubject => Prefix + ".jobs";
    public string AlertsStream => Upper + "_ALERTS";
    public string AlertsSubject => Prefix + ".alerts";
    public string DeadStream => Upper + "_DEAD";
    public string DeadSubject => Prefix + ".dead";
    public string Consumer => Prefix + "-workers";

    private string Upper => Prefix.ToUpperInvariant().Replace('.', '_').Replace('-', '_');

    /// <summary>Creates the streams, or brings their settings up to date; every monitor and worker calls it on start.</summary>
    public async Task EnsureAsync(INatsJSContext js, CancellationToken cancellationToken)
    {
        await js.CreateOrUpdateStreamAsync(new StreamConfig(JobsStream, [JobsSubject])
        {
            Retention = StreamConfigRetention.Workqueue,
            Storage = StreamConfigStorage.File,
            DuplicateWindow = DuplicateWindow,
            NumReplicas = Replicas,
        }, cancellationToken);
        foreach (var (name, subject) in new[] { (AlertsStream, AlertsSubject), (DeadStream, DeadSubject) })
        {
            await js.CreateOrUpdateStreamAsync(new StreamConfig(name, [subject])
            {
                Retention = StreamConfigRetention.Limits,
                Storage = StreamConfigStorage.File,
                DuplicateWindow = DuplicateWindow,
                MaxAge = Retention,
                NumReplicas = Replicas,
            }, cancellationToken);
        }
    }

    /// <summary>The workers' shared durable pull consumer: explicit acks, and the server stops redelivering one delivery after the workers would have dead-lettered the job.</summary>
    public ConsumerConfig ConsumerConfig(WorkerOptions options) => new(Consumer)
    {
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = options.AckWait,
        MaxDeliver = options.MaxDeliver + 1,
        FilterSubject = JobsSubject,
        MaxAckPending = 10_000,
    };

    /// <summary>How many messages a stream holds now.</summary>
    public static async Task<long> CountAsync(INatsJSContext js, string stream, CancellationToken cancellationToken) =>
        (await js.GetStreamAsync(stream, cancellationToken: cancellationToken)).Info.State.Messages;
}
