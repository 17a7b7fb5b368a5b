using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NATS.Client.JetStream;

namespace Factdesk.Monitoring;

/// <summary>
/// Takes jobs from the durable consumer and does them one at a time: process (store commit) → publish alerts →
/// record them → acknowledge. Only an acknowledged job is gone; a worker that dies leaves its unacknowledged jobs to
/// be delivered again after <see cref="WorkerOptions.AckWait"/>, and the idempotent store makes the second delivery
/// a no-op. A failed job is retried after a delay, and dead-lettered with its error on the
/// <see cref="WorkerOptions.MaxDeliver"/>th failure. Run as many workers, on as many machines, as the load needs.
/// </summary>
public sealed class JobWorker(INatsJSContext js, MonitorStreams streams, JobProcessor processor, WorkerOptions options, TextWriter log)
{
    private static readonly TimeSpan FetchWait = TimeSpan.FromSeconds(1);

    public WorkerStats Stats { get; } = new();

    /// <summary>Works until <paramref name="cancellationToken"/> is cancelled (the job in hand is finished first) or, with <see cref="WorkerOptions.IdleExit"/>, until the queue stays empty.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = Stopwatch.StartNew();
        var outage = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await streams.EnsureAsync(js, cancellationToken);
                var consumer = await js.CreateOrUpdateConsumerAsync(streams.JobsStream, streams.ConsumerConfig(options), cancellationToken);
                if (outage) await log.WriteLineAsync("factdesk worker: connected again; taking jobs");
                outage = false;
                while (!cancellationToken.IsCancellationRequested)
                {
                    var wait = Stopwatch.StartNew();
                    var batch = new List<INatsJSMsg<byte[]>>(options.Batch);
                    await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = options.Batch, Expires = FetchWait }, cancellationToken: cancellationToken))
                        batch.Add(msg);
                    Stats.Add(ref Stats.FetchTicks, wait);
                    if (batch.Count == 0)
                    {
                        if (options.IdleExit is { } limit && idle.Elapsed >= limit) return;
                        continue;
                    }
                    await DoBatch(batch, cancellationToken);
                    idle.Restart();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The server restarting, a network break, a cluster electing a leader: jobs wait in the stream, so wait and reconnect.
                if (!outage) await log.WriteLineAsync($"factdesk worker: {OneLine(e.Message)}; retrying");
                outage = true;
                try { await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task DoBatch(List<INatsJSMsg<byte[]>> batch, CancellationToken cancellationToken)
    {
        // Jobs waiting their turn in this batch must not look abandoned to the server while a long article is analysed.
        using var keepAlive = new CancellationTokenSource();
        var pending = new HashSet<int>(Enumerable.Range(0, batch.Count));
        var ticker = KeepInProgress(batch, pending, keepAlive.Token);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                    await Quietly(batch[i].NakAsync(cancellationToken: CancellationToken.None)); // back to the queue at once, for another worker
                else
                    await Do(batch[i]);
                lock (pending) pending.Remove(i);
            }
        }
        finally
        {
            await keepAlive.CancelAsync();
            await ticker;
        }
    }

    private async Task KeepInProgress(List<INatsJSMsg<byte[]>> batch, HashSet<int> pending, CancellationToken stop)
    {
        var every = options.AckWait / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, stop);
                int[] waiting;
                lock (pending) waiting = [.. pending];
                foreach (var i in waiting)
                    await Quietly(batch[i].AckProgressAsync(cancellationToken: stop));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Do(INatsJSMsg<byte[]> msg)
    {
        var delivered = (int)(msg.Metadata?.NumDelivered ?? 1);
        var sequence = msg.Metadata?.Sequence.Stream ?? 0;
        var name = $"{streams.JobsStream} message {sequence}";
        if (delivered > options.MaxDeliver)
        {
            // Delivered this often without a failure being recorded: the workers that took it died on it.
            await DeadLetter(msg, name, $"abandoned after {delivered - 1} deliveries without an answer (a worker may have died on it)", delivered, sequence);
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            var job = ArticleJob.Parse(msg.Data ?? [], name);
            name = job.Name;
            var result = processor.Process(job);
            Stats.Add(ref Stats.ProcessTicks, clock);
            var nats = Stopwatch.StartNew();
            foreach (var alert in result.Alerts)
                await PublishAlert(job, result.ArticleId, alert);
            processor.Finish(result);
            await msg.AckAsync(new AckOpts { DoubleAck = true });
            Stats.Add(ref Stats.AckTicks, nats);
            Stats.Count(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Stats.Add(ref Stats.ProcessTicks, clock);
            Interlocked.Increment(ref Stats.Failures);
            var error = e is Ingestion.InputException or JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            if (delivered >= options.MaxDeliver)
            {
                await DeadLetter(msg, name, error, delivered, sequence);
                return;
            }
            await log.WriteLineAsync($"factdesk worker: {OneLine(name)}: attempt {delivered} of {options.MaxDeliver} failed: {OneLine(error)}");
            await Quietly(msg.NakAsync(new AckOpts { NakDelay = options.RetryDelay * delivered }));
        }
    }

    private async Task DeadLetter(INatsJSMsg<byte[]> msg, string name, string error, int delivered, ulong sequence)
    {
        try
        {
            await DeadLetters.PublishAsync(js, streams, new DeadLetter(name, "worker", error, delivered, msg.Data ?? []),
                $"job-{sequence}", CancellationToken.None);
            await msg.AckTerminateAsync(new AckOpts { DoubleAck = true });
            Interlocked.Increment(ref Stats.DeadLettered);
            await log.WriteLineAsync($"factdesk worker: {OneLine(name)}: dead-lettered after {delivered} deliveries: {OneLine(error)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Left unacknowledged, the job comes back after AckWait and is dead-lettered then.
            await log.WriteLineAsync($"factdesk worker: {OneLine(name)}: could not dead-letter it yet ({OneLine(e.Message)})");
        }
    }

    private async Task PublishAlert(ArticleJob job, long articleId, Storage.AlertRecord alert)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            articleId,
            articleKey = job.Key,
            articleUrl = job.ItemUrl ?? job.Url,
            articleTitle = job.Title,
            articleClaim = alert.ArticleClaim,
            factCheckId = alert.FactCheckId,
            factCheckClaim = alert.FactCheckClaim,
            verdict = alert.Verdict,
            factCheckUrl = alert.Url,
            score = alert.Score,
        });
        var id = string.Create(CultureInfo.InvariantCulture, $"alert-{articleId}-{alert.FactCheckId}");
        (await js.PublishAsync(streams.AlertsSubject, body, opts: new NatsJSPubOpts { MsgId = id })).EnsureSuccess();
        Interlocked.Increment(ref Stats.Alerts);
    }

    private static async Task Quietly(ValueTask ack)
    {
        try
        {
            await ack;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A lost nak or progress note only means the server redelivers after AckWait, which is safe.
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}

/// <summary>What a worker has done, and where its time went (ticks of <see cref="Stopwatch"/>).</summary>
public sealed class WorkerStats
{
    public long Stored;
    public long AlreadyStored;
    public long Failures;
    public long DeadLettered;
    public long Alerts;
    public long FetchTicks;
    public long ProcessTicks;
    public long AckTicks;

    public long Done => Interlocked.Read(ref Stored) + Interlocked.Read(ref AlreadyStored);

    public void Add(ref long ticks, Stopwatch clock) => Interlocked.Add(ref ticks, clock.ElapsedTicks);

    public void Count(JobResult result)
    {
        if (result.Status == Ingestion.Batch.IngestStatus.AlreadyStored) Interlocked.Increment(ref AlreadyStored);
        else Interlocked.Increment(ref Stored);
    }

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
