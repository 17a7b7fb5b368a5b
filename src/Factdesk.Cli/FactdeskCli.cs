using System.CommandLine;
using Factdesk.Cli.Commands;
using Factdesk.Cli.EvalTasks;
using Factdesk.Cli.TrainTasks;
using Factdesk.Ingestion;

namespace Factdesk.Cli;

/// <summary>The factdesk command line, callable in-process so tests can capture what a user would see.</summary>
public static class FactdeskCli
{
    public const int BadInput = 2;
    public const int InternalError = 3;

    public static RootCommand CreateRoot() =>
        new RootCommand("Factdesk: a fact-checking workbench. Reads a news article and lays out who said what, which claims are worth checking and what the article concludes.")
        {
            CheckCommand.Create(),
            IngestCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            PublishCommand.Create(),
            MatchCommand.Create(),
            EvidenceCommand.Create(),
            EvalCommand.Create(EvalTaskList.Create()),
            TrainCommand.Create(TrainTaskList.Create()),
            ValidateCommand.Create(),
            DoctorCommand.Create(),
            BackupCommand.CreateBackup(),
            BackupCommand.CreateRestore(),
            ServeCommand.Create(),
            UsersCommand.Create(),
            MonitorCommand.Create(),
            WorkerCommand.Create(),
            AlertsCommand.CreateAlerts(),
            AlertsCommand.CreateDeadLetters(),
        }.Named();

    // Help should show the name users type (the ./factdesk launcher), not the assembly's.
    private static RootCommand Named(this RootCommand root)
    {
        root.HelpName = "factdesk";
        return root;
    }

    /// <summary>
    /// Runs one command line. Errors a user can fix are one line on <paramref name="stderr"/> with exit code 2;
    /// anything else is a bug, reported as one line with exit code 3. Neither prints a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var parse = CreateRoot().Parse(args);
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is InputException or OutputException)
        {
            await stderr.WriteLineAsync($"factdesk: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"factdesk: internal error: {e.GetType().FullName}: {OneLine(e.Message)}");
            return InternalError;
        }
    }

    // A message can quote user input (a file name with a newline in it); the error must stay one line.
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
