using System.Text.Json;
using Factdesk.Output;

namespace Factdesk.Evaluation;

/// <summary>
/// The result of one evaluation task: how many items were scored and named metrics, each a fraction in [0,1].
/// Every task reports through this shape so that runs can be compared and tracked over time.
/// </summary>
public sealed record EvalReport
{
    public EvalReport(string Task, int N, IReadOnlyDictionary<string, double> Metrics)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Task);
        ArgumentOutOfRangeException.ThrowIfNegative(N);
        ArgumentNullException.ThrowIfNull(Metrics);
        foreach (var (name, value) in Metrics)
        {
            // NaN fails both comparisons, so a division by zero upstream is caught here too.
            if (!(value >= 0 && value <= 1))
                throw new ArgumentOutOfRangeException(nameof(Metrics), value, $"metric '{name}' of task '{Task}' must be a fraction in [0,1]");
        }
        this.Task = Task;
        this.N = N;
        this.Metrics = Metrics;
    }

    public string Task { get; }
    public int N { get; }
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>One line: {"task": ..., "n": ..., "metrics": {...}}.</summary>
    public string ToJson() => JsonStyle.Render(indented: false, w =>
    {
        w.WriteStartObject();
        w.WriteString("task", Task);
        w.WriteNumber("n", N);
        w.WriteStartObject("metrics");
        foreach (var (name, value) in Metrics)
            w.WriteNumber(name, value);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
