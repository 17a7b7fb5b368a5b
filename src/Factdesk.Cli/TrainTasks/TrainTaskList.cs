namespace Factdesk.Cli.TrainTasks;

/// <summary>The one list of training tasks; `factdesk train --help` shows exactly these.</summary>
public static class TrainTaskList
{
    /// <summary>Fresh instances each time: a task owns its option objects, and an option belongs to one command tree.</summary>
    public static IReadOnlyList<ITrainTask> Create() =>
    [
        new StanceTrainTask(),
        new NerTrainTask(),
        new NerClustersTrainTask(),
        new CheckWorthyTrainTask(),
        new QuotesTrainTask(),
        new MatcherTrainTask(),
    ];
}
