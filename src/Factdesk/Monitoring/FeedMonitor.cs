using System.Security.Cryptography;
using System.Text;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Factdesk.Monitoring;

/// <summary>
/// One pass over the monitored sources: every article not published before becomes a job on the jobs stream, with its
/// key as the message id. The monitor extracts each article (cheap next to the analysis), so a job is text, not a
/// page. What cannot become a job goes to the dead-letter stream at once, with the reason: an unreadable or binary
/// file, a file over the loader's size limit (50 MB), and an article whose job would exceed <see cref="MaxJobBytes"/>
/// (a JetStream message is at most 1 MB by default; such an article can still be stored with `factdesk ingest`).
/// </summary>
public sealed class FeedMonitor(INatsJSContext js, MonitorStreams streams, MonitorState state, HttpClient http, TextWriter log)
{
    public const int DefaultMaxJobBytes = 1_000_000;

    /// <summary>Publishes awaited together: enough to keep the server busy, few enough to lose little to a crash.</summary>
    private const int Window = 64;

    private readonly List<Task> _pending = [];
    private PollCounts _counts = new();

    public int MaxJobBytes { get; init; } = DefaultMaxJobBytes;

    public async Task<PollCounts> PollAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        _counts = new PollCounts();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FeedList.IsWeb(source))
                await Feed(source, cancellationToken);
            else if (Directory.Exists(source))
            {
                foreach (var file in InputSources.FilesIn(source))
                    await FileSource(file, cancellationToken);
            }
            else if (File.Exists(source))
                await FileSource(source, cancellationToken);
            else
            {
                _counts.SourcesFailed++;
                await log.WriteLineAsync($"factdesk monitor: {source}: no such file or folder (skipped this time)");
            }
        }
        await Flush();
        return _counts;
    }

    private async Task Feed(string url, CancellationToken cancellationToken)
    {
        string xml;
        try
        {
            xml = await http.GetStringAsync(url, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A feed that is down now is tried again on the next poll; nothing about it is remembered.
            _counts.SourcesFailed++;
            await log.WriteLineAsync($"factdesk monitor: {url}: cannot be fetched ({e.Message.ReplaceLineEndings(" ")}); trying again next poll");
            return;
        }
        foreach (var item in FeedItems.Read(xml, url))
            await Item(item, cancellationToken);
    }

    private async Task FileSource(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (state.IsRead(file)) return;
        foreach (var item in InputSources.Expand([path], () => Stream.Null))
            await Item(item, cancellationToken);
        await Flush();
        state.Read(file);
    }

    private async Task Item(InputItem item, CancellationToken cancellationToken)
    {
        var deadKey = item.Name + "\t" + item.Url;
        if (state.IsDeadLettered(deadKey)) return;
        ArticleJob job;
        try
        {
            job = ArticleJob.Of(item.Load(), item.Name, item.Url);
        }
        catch (InputException e)
        {
            await Dead(item, deadKey, e.Problem, cancellationToken);
            return;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            await Dead(item, deadKey, $"internal error: {e.GetType().Name}: {e.Message}", cancellationToken);
            return;
        }
        if (state.IsPublished(job.Key))
        {
            _counts.Known++;
            return;
        }
        var bytes = job.ToBytes();
        if (bytes.Length > MaxJobBytes)
        {
            await Dead(item, deadKey, $"is {bytes.Length:N0} bytes as a job, over the {MaxJobBytes:N0}-byte limit of a message; store it with factdesk ingest", cancellationToken);
            return;
        }
        _pending.Add(Publish(job.Key, bytes, cancellationToken));
        if (_pending.Count >= Window) await Flush();
    }

    private async Task Publish(string key, byte[] bytes, CancellationToken cancellationToken)
    {
        var ack = await Retrying(() => js.PublishAsync(streams.JobsSubject, bytes, opts: new NatsJSPubOpts { MsgId = key }, cancellationToken: cancellationToken), cancellationToken);
        ack.EnsureSuccess();
        lock (state)
        {
            state.Published(key);
            if (ack.Duplicate) _counts.Duplicates++;
            else _counts.Published++;
        }
    }

    private async Task Dead(InputItem item, string deadKey, string error, CancellationToken cancellationToken)
    {
        var id = "monitor-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deadKey)));
        await Retrying(async ValueTask<bool> () =>
        {
            await DeadLetters.PublishAsync(js, streams, new DeadLetter(item.Name, "monitor", error, 0, []), id, cancellationToken);
            return true;
        }, cancellationToken);
        state.DeadLettered(deadKey);
        _counts.DeadLettered++;
        await log.WriteLineAsync($"factdesk monitor: {item.Name.ReplaceLineEndings(" ")}: dead-lettered: {error.ReplaceLineEndings(" ")}");
    }

    private async Task Flush()
    {
        await Task.WhenAll(_pending);
        _pending.Clear();
    }

    /// <summary>Tries again every second while the server is unreachable (restarting, electing a leader): an article is never skipped for that.</summary>
    private async Task<T> Retrying<T>(Func<ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var reported = false;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException) && !cancellationToken.IsCancellationRequested)
            {
                if (!reported) await log.WriteLineAsync($"factdesk monitor: cannot publish ({e.Message.ReplaceLineEndings(" ")}); retrying");
                reported = true;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}

/// <summary>What one poll did: jobs published, repeats the server dropped, articles known from the state file, dead letters, sources that failed.</summary>
public sealed class PollCounts
{
    public int Published { get; set; }
    public int Duplicates { get; set; }
    public int Known { get; set; }
    public int DeadLettered { get; set; }
    public int SourcesFailed { get; set; }
}
