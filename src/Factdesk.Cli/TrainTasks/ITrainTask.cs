using System.CommandLine;

namespace Factdesk.Cli.TrainTasks;

/// <summary>
/// One model that `factdesk train` can build from a data set. Each task becomes a subcommand with its own
/// options, writes its model under models/ (or `--out`) and prints what it measured on held-out data.
/// </summary>
public interface ITrainTask
{
    string Name { get; }
    string Description { get; }

    /// <summary>Task-specific options (data files, hyper-parameters, `--out`).</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Trains and saves the model; returns the process exit code.</summary>
    int Run(ParseResult parse, TextWriter output);
}
