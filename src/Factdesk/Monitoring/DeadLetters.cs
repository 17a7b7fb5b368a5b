using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Monitoring;

/// <summary>
/// Jobs that could not be done, on the dead-letter stream: the body is the job as it was published (empty when the
/// monitor could not make a job of the article at all), the headers say where it came from, which stage gave up,
/// after how many attempts and why. An operator reads them with `factdesk deadletters` and can publish a fixed job again.
/// </summary>
public static class DeadLetters
{
    public const string SourceHeader = "Factdesk-Source";
    public const string StageHeader = "Factdesk-Stage";
    public const string ErrorHeader = "Factdesk-Error";
    public const string DeliveriesHeader = "Factdesk-Deliveries";

    /// <summary>Header values are one line; a reason quoting a whole page is cut.</summary>
    private const int MaxHeaderChars = 2000;

    /// <summary>Publishes one dead letter; <paramref name="id"/> makes a repeat of the same failure (a retried publish) count once.</summary>
    public static async Task PublishAsync(INatsJSContext js, MonitorStreams streams, DeadLetter letter, string id, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders
        {
            [SourceHeader] = Header(letter.Source),
            [StageHeader] = letter.Stage,
            [ErrorHeader] = Header(letter.Error),
            [DeliveriesHeader] = letter.Deliveries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var ack = await js.PublishAsync(streams.DeadSubject, letter.Payload, opts: new NatsJSPubOpts { MsgId = id }, headers: headers,
            cancellationToken: cancellationToken);
        ack.EnsureSuccess();
    }

    /// <summary>Every dead letter in the stream, oldest first (read with an ephemeral ordered consumer, which changes nothing).</summary>
    public static async Task<IReadOnlyList<DeadLetter>> ReadAllAsync(INatsJSContext js, MonitorStreams streams, CancellationToken cancellationToken)
    {
        var count = await MonitorStreams.CountAsync(js, streams.DeadStream, cancellationToken);
        var letters = new List<DeadLetter>();
        if (count == 0) return letters;
        var consumer = await js.CreateOrderedConsumerAsync(streams.DeadStream, cancellationToken: cancellationToken);
        await foreach (var msg in consumer.ConsumeAsync<byte[]>(cancellationToken: cancellationToken))
        {
            string Get(string key) => msg.Headers is { } h && h.TryGetValue(key, out var v) ? v.ToString() : "";
            letters.Add(new DeadLetter(Get(SourceHeader), Get(StageHeader), Get(ErrorHeader),
                int.TryParse(Get(DeliveriesHeader), out var n) ? n : 0, msg.Data ?? []));
            if (letters.Count >= count) break;
        }
        return letters;
    }

    private static string Header(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= MaxHeaderChars ? line : line[..MaxHeaderChars] + "…";
    }
}

/// <summary>
/// One dead letter: <see cref="Source"/> names the article (file, feed item, archive record or stream message),
/// <see cref="Stage"/> is "monitor" or "worker", <see cref="Deliveries"/> how often a worker tried it (0 for the monitor).
/// </summary>
public sealed record DeadLetter(string Source, string Stage, string Error, int Deliveries, byte[] Payload);
