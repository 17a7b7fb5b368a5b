using System.Diagnostics;
using System.Globalization;

namespace Factdesk.Tuning;

/// <summary>The tuning commands' "--name value" options and their timed log, written once for both commands.</summary>
public sealed class ToolArgs(string[] args)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The CheckThat! 2020 folder; only its train split is read.</summary>
    public string Data => Text("--data", "../shared/datasets/clef2020-checkthat-task2/v3.0");

    /// <summary>How many of MiniLM's top layers are tuned (the ones below are frozen).</summary>
    public int Layers => Int("--layers", 2);

    public int Epochs => Int("--epochs", 2);

    /// <summary>Folds by query position, as in MatchRerankerTraining.CrossValidate.</summary>
    public int Folds => Int("--folds", 5);

    /// <summary>How many of the folds to run (fewer: a quick look, no reranker figure).</summary>
    public int OnlyFolds => Int("--only-folds", Folds);

    public string Text(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

    public bool Flag(string name) => args.Contains(name);

    public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public double Real(string name, double fallback) => double.Parse(Text(name, fallback.ToString("R", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>A line prefixed with the seconds since the command started.</summary>
    public void Log(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0}s] {message}"));

    /// <summary>The learning rate's factor at a step: linear warm-up over the first tenth of the steps, then linear decay.</summary>
    public static double Schedule(int step, int steps) =>
        Math.Min(1.0, (step + 1) / Math.Max(1.0, steps * 0.1)) * Math.Min(1.0, (steps - step) / Math.Max(1.0, steps * 0.9));
}
