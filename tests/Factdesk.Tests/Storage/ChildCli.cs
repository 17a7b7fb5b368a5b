using System.Diagnostics;

namespace Factdesk.Tests.Storage;

/// <summary>
/// The built CLI run as a separate process, so a test can kill it the way a power cut or an OOM killer would:
/// no finally blocks, no disposal, nothing flushed that SQLite had not already made durable.
/// </summary>
internal sealed class ChildCli
{
    // The test project references the CLI, so its dll, deps and runtimeconfig sit beside the test assembly.
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Factdesk.Cli.dll");

    public static Process Start(params string[] args)
    {
        Assert.True(File.Exists(Dll), $"the CLI is not built beside the tests at {Dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        // Drained so a full pipe can never stall the child before the kill arrives.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static async Task<int> Run(params string[] args)
    {
        using var process = Start(args);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.ExitCode;
    }

    /// <summary>
    /// Starts the command and SIGKILLs it once <paramref name="ready"/> holds (polled), or after <paramref name="limit"/>;
    /// true when it was still running then. Waiting on progress rather than a fixed delay puts the kill inside the
    /// work however loaded the machine is.
    /// </summary>
    public static async Task<bool> KillWhen(Func<bool> ready, TimeSpan limit, params string[] args)
    {
        using var process = Start(args);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < limit && !ready())
            await Task.Delay(15, TestContext.Current.CancellationToken);
        var killed = !process.HasExited;
        if (killed)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return killed;
    }

    /// <summary>Starts the command and SIGKILLs it after <paramref name="delay"/>; true when it was still running then.</summary>
    public static async Task<bool> KillAfter(TimeSpan delay, params string[] args)
    {
        using var process = Start(args);
        var exited = await Task.WhenAny(process.WaitForExitAsync(TestContext.Current.CancellationToken), Task.Delay(delay, TestContext.Current.CancellationToken));
        var killed = !process.HasExited;
        if (killed)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        _ = exited;
        return killed;
    }
}
