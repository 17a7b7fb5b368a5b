using System.CommandLine;
using Factdesk.Cli.TrainTasks;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk train TASK ...`: one subcommand per <see cref="ITrainTask"/>.</summary>
internal static class TrainCommand
{
    public static Command Create(IReadOnlyList<ITrainTask> tasks)
    {
        var train = new Command("train", "Train a model from a public data set and save it under models/");
        foreach (var task in tasks)
        {
            var command = new Command(task.Name, task.Description);
            foreach (var option in task.Options)
                command.Add(option);
            command.SetAction(parse =>
            {
                var output = parse.InvocationConfiguration.Output;
                var code = task.Run(parse, output);
                output.Flush();
                return code;
            });
            train.Add(command);
        }
        return train;
    }
}
