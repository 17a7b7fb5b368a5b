using System.CommandLine;
using Factdesk.Evaluation;

namespace Factdesk.Cli.EvalTasks;

/// <summary>
/// One benchmark that `factdesk eval` can run. Each task becomes a subcommand with its own options; every task
/// reports through <see cref="EvalReport"/> so all of them print the same JSON and table shapes.
/// </summary>
public interface IEvalTask
{
    string Name { get; }
    string Description { get; }

    /// <summary>Task-specific options; `--json` is added by the eval command for every task.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Positional arguments (a data set path), if the task takes any.</summary>
    IReadOnlyList<Argument> Arguments => [];

    EvalReport Run(ParseResult parse);

    /// <summary>Scores of other systems on the same items, for the table view only. Computed separately so JSON runs skip it.</summary>
    IReadOnlyList<ReferenceScore> References(ParseResult parse) => [];

    /// <summary>Plain text the table view prints below the table (a confusion matrix), from the last <see cref="Run"/>.</summary>
    string? Details => null;
}
