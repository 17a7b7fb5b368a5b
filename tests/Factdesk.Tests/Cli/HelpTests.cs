namespace Factdesk.Tests.Cli;

public sealed class HelpTests
{
    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var run = await CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("check", run.Stdout);
        Assert.Contains("eval", run.Stdout);
        Assert.Contains("factdesk", run.Stdout);
    }

    [Fact]
    public async Task Eval_help_lists_the_registered_tasks()
    {
        var run = await CliRun.Of("eval", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var task in Factdesk.Cli.EvalTasks.EvalTaskList.Create())
            Assert.Contains(task.Name, run.Stdout);
    }
}
