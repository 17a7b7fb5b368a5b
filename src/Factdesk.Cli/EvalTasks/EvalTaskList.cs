namespace Factdesk.Cli.EvalTasks;

/// <summary>The one list of evaluation tasks; `factdesk eval --help` shows exactly these.</summary>
public static class EvalTaskList
{
    /// <summary>Fresh instances each time: a task owns its option objects, and an option belongs to one command tree.</summary>
    public static IReadOnlyList<IEvalTask> Create() =>
    [
        new ExtractionEvalTask(),
        new MatchEvalTask(),
        new StanceEvalTask(),
        new NerEvalTask(),
        new CheckWorthyEvalTask(),
        new VerdictEvalTask(),
        new QuotesEvalTask(),
        new ReviewEvalTask(),
    ];
}
