using System.CommandLine;
using Factdesk.Monitoring;
using NATS.Client.JetStream;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk monitor --feeds FILE`: poll feeds, folders and WARC files and publish one job per new article.</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var feeds = new Option<string>("--feeds")
        {
            Description = "A text file listing, one a line, feed URLs and paths of folders, feed, JSON Lines or WARC files",
            Required = true,
            HelpName = "FILE",
        };
        var state = new Option<string>("--state")
        {
            Description = "Where the monitor remembers what it has published, so a restart does not publish it again",
            DefaultValueFactory = _ => "factdesk-monitor.state",
            HelpName = "FILE",
        };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var once = new Option<bool>("--once") { Description = "Poll once and exit" };
        var maxJob = new Option<int>("--max-job-bytes")
        {
            Description = "Largest job to publish; a bigger article is dead-lettered (JetStream's default message limit is 1 MB)",
            DefaultValueFactory = _ => FeedMonitor.DefaultMaxJobBytes,
            HelpName = "BYTES",
        };
        var nats = new NatsOptions();
        var command = new Command("monitor", "Poll feeds, folders and WARC files and queue every new article for the workers on NATS JetStream")
        {
            feeds, state, interval, once, maxJob,
        };
        foreach (var option in nats.All) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sources = FeedList.Read(parse.GetValue(feeds)!);
            var streams = nats.Streams(parse);
            var wait = NatsOptions.Seconds(parse, interval);
            var limit = NatsOptions.Positive(parse, maxJob);
            var output = parse.InvocationConfiguration.Output;
            var log = parse.InvocationConfiguration.Error;
            using var remembered = MonitorState.Open(parse.GetValue(state)!);
            await using var connection = nats.Connect(parse, "factdesk-monitor");
            var js = new NatsJSContext(connection);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Factdesk-monitor/1.0");
            var monitor = new FeedMonitor(js, streams, remembered, http, log) { MaxJobBytes = limit };
            try
            {
                await Streams.Ensure(js, streams, log, cancellationToken);
                while (true)
                {
                    var counts = await monitor.PollAsync(sources, cancellationToken);
                    await output.WriteLineAsync($"{DateTimeOffset.UtcNow:u} poll: {counts.Published} published, {counts.Duplicates} already queued, " +
                        $"{counts.Known} known, {counts.DeadLettered} dead-lettered, {counts.SourcesFailed} source(s) failed");
                    await output.FlushAsync(cancellationToken);
                    if (parse.GetValue(once)) return 0;
                    await Task.Delay(wait, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
        });
        return command;
    }
}

/// <summary>Creating the streams, retried while the server is not up yet: a monitor or worker may start before NATS does.</summary>
internal static class Streams
{
    /// <param name="giveUpAfter">For one-off commands: stop retrying after this long and say the server cannot be reached.</param>
    public static async Task Ensure(INatsJSContext js, MonitorStreams streams, TextWriter log, CancellationToken cancellationToken, TimeSpan? giveUpAfter = null)
    {
        var reported = false;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await streams.EnsureAsync(js, cancellationToken);
                return;
            }
            catch (NatsJSApiException e)
            {
                // The server is up and said no (three replicas on a single server, a stream of that name with other subjects): retrying cannot help.
                throw new Ingestion.InputException(streams.JobsStream, $"cannot be set up on this NATS server ({e.Error.Description})");
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                if (clock.Elapsed > giveUpAfter)
                    throw new Ingestion.InputException(js.Connection.Opts.Url, $"cannot be reached ({e.Message.ReplaceLineEndings(" ")})");
                if (!reported) await log.WriteLineAsync($"factdesk: NATS not ready ({e.Message.ReplaceLineEndings(" ")}); retrying");
                reported = true;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
