using System.Diagnostics;
using System.Text.Json;

namespace Factdesk.Bench.Peers;

/// <summary>
/// A peer written in Node or Python, kept running for a whole benchmark so its runs interleave with ours: on a shared
/// machine a burst of load then hits both sides of a ratio alike. The peer loads its input and warms up, prints
/// <c>ready</c>; each <c>run</c> line on its standard input does one timed pass and answers
/// <c>{"seconds": S}</c>; at the end of its input it prints <c>{"peakRssMB": M}</c> and exits.
/// </summary>
internal sealed class PeerProcess : IPeer, IDisposable
{
    private readonly Process _process;

    public string Name { get; }

    private PeerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>Starts the peer and waits for its warm-up; null (with the reason printed) when it cannot run here.</summary>
    public static PeerProcess? Start(string name, string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.WriteLine($"{name}: cannot start {fileName} ({e.Message}); left out");
            return null;
        }
        var first = process.StandardOutput.ReadLine();
        if (first != "ready")
        {
            Console.WriteLine($"{name}: did not start (said \"{first}\", exit code {(process.WaitForExit(5000) ? process.ExitCode : -1)}); left out");
            process.Dispose();
            return null;
        }
        return new PeerProcess(name, process);
    }

    /// <summary>One timed pass of the peer, in seconds as the peer measured it (its own clock, no pipe latency).</summary>
    public double Run()
    {
        _process.StandardInput.WriteLine("run");
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} exited during a run");
        using var answer = JsonDocument.Parse(line);
        return answer.RootElement.GetProperty("seconds").GetDouble();
    }

    /// <summary>Ends the peer and returns its peak resident memory in MB.</summary>
    public double Finish()
    {
        _process.StandardInput.Close();
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} gave no peak memory");
        _process.WaitForExit();
        using var answer = JsonDocument.Parse(line);
        return answer.RootElement.GetProperty("peakRssMB").GetDouble();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
