using Factdesk.Cli;

namespace Factdesk.Tests.Cli;

/// <summary>One in-process run of the command line with its output captured.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await FactdeskCli.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The contract for errors a user can fix: exit 2, one line naming the problem, no stack trace.</summary>
    public void AssertUserError(string mustMention)
    {
        Assert.Equal(2, ExitCode);
        var line = Assert.Single(StderrLines);
        Assert.StartsWith("factdesk: ", line);
        Assert.Contains(mustMention, line);
        Assert.DoesNotContain("   at ", Stderr);
    }
}
