using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Monitoring;
using NATS.Client.Core;

namespace Factdesk.Cli;

/// <summary>`--nats URL`, `--prefix` and `--replicas`: where the monitoring pipeline's streams are, shared by `monitor`, `worker` and `deadletters`.</summary>
internal sealed class NatsOptions
{
    public const string UrlVariable = "FACTDESK_NATS";

    public Option<string> Url { get; } = new("--nats")
    {
        Description = $"The NATS server (or a comma-separated list of cluster members); default ${UrlVariable} or nats://127.0.0.1:4222",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : "nats://127.0.0.1:4222",
        HelpName = "URL",
    };

    public Option<string> Prefix { get; } = new("--prefix")
    {
        Description = "Names the streams (PREFIX_JOBS, PREFIX_ALERTS, PREFIX_DEAD) and subjects (prefix.jobs, ...)",
        DefaultValueFactory = _ => MonitorStreams.DefaultPrefix,
        HelpName = "NAME",
    };

    public Option<int> Replicas { get; } = new("--replicas")
    {
        Description = "Copies of each stream in a NATS cluster (1 on a single server; 3 in a three-node cluster)",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };

    public IEnumerable<Option> All => [Url, Prefix, Replicas];

    public MonitorStreams Streams(ParseResult parse)
    {
        var prefix = parse.GetValue(Prefix)!;
        if (prefix.Length == 0 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new InputException("--prefix", $"\"{prefix}\" must be letters, digits, - or _");
        var replicas = parse.GetValue(Replicas);
        if (replicas is < 1 or > 5)
            throw new InputException("--replicas", $"{replicas} must be from 1 to 5");
        return new MonitorStreams(prefix) { Replicas = replicas };
    }

    public NatsConnection Connect(ParseResult parse, string name) =>
        new(new NatsOpts { Url = parse.GetValue(Url)!, Name = name });

    public static int Positive(ParseResult parse, Option<int> option)
    {
        var value = parse.GetValue(option);
        return value >= 1 ? value : throw new InputException(option.Name, $"{value} must be 1 or more");
    }

    public static TimeSpan Seconds(ParseResult parse, Option<double> option)
    {
        var value = parse.GetValue(option);
        return double.IsFinite(value) && value > 0 ? TimeSpan.FromSeconds(value) : throw new InputException(option.Name, $"{value} must be a number of seconds above 0");
    }
}
