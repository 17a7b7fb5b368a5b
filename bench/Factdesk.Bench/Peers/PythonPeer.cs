using System.Diagnostics;
using System.Text.Json;

namespace Factdesk.Bench.Peers;

/// <summary>
/// bench/search_peers.py kept running beside the bench, one command and one JSON answer per line, so that the bench
/// can time its own pass over the queries and then the peer's, run after run in the same invocation. The peer is
/// Debian's /usr/bin/python3 with the Debian packages of the peer libraries, installed when missing.
/// </summary>
internal sealed class PythonPeer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private PythonPeer(Process process, JsonElement versions)
    {
        _process = process;
        Versions = versions;
    }

    /// <summary>The peer libraries' versions, as the script reports them.</summary>
    public JsonElement Versions { get; }

    public static PythonPeer Start(string kind, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Script(), kind, folder, .. arguments]) start.ArgumentList.Add(argument);
        // Queries are timed one at a time on one thread; OpenBLAS must not spread them (or the builds) wider.
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        var peer = new PythonPeer(process, default);
        var first = peer.Answer("start");
        return new PythonPeer(process, first.GetProperty("versions").Clone());
    }

    /// <summary>Builds the index <paramref name="name"/>: wall seconds and the growth of the peer's resident set in MB.</summary>
    public (double Seconds, double MemoryMB) Build(string name)
    {
        Send("build " + name);
        var answer = Answer("build " + name);
        return (answer.GetProperty("seconds").GetDouble(), answer.GetProperty("memoryMB").GetDouble());
    }

    /// <summary>One pass over the queries with the index <paramref name="name"/>: milliseconds per query and the top labels.</summary>
    public (double[] Latencies, long[][] Top) Query(string name)
    {
        Send("query " + name);
        var answer = Answer("query " + name);
        return (answer.GetProperty("latencies").EnumerateArray().Select(l => l.GetDouble()).ToArray(),
            answer.GetProperty("top").EnumerateArray().Select(t => t.EnumerateArray().Select(l => l.GetInt64()).ToArray()).ToArray());
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(10_000)) _process.Kill();
            }
        }
        catch (IOException)
        {
            // The peer is gone already.
        }
        _process.Dispose();
    }

    /// <summary>Runs a peer benchmark; a peer that cannot be installed or started, or dies, is one line and exit 1, not a stack trace.</summary>
    public static int Guarded(string mode, Func<int> measure)
    {
        try
        {
            return measure();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"{mode}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Installs the Debian packages whose absence <paramref name="check"/> (a Python statement) reveals, as .ci/run
    /// installs its services: apt-get, through sudo when not root. The bench's peers are never committed.
    /// </summary>
    public static void EnsureInstalled(string check, params string[] packages)
    {
        var missing = packages.Where(p => !Installed(p)).ToList();
        if (missing.Count == 0 && Run(Python, "-c", check) == 0) return;
        if (missing.Count == 0) missing = [.. packages];
        Console.WriteLine($"installing {string.Join(' ', missing)} (apt-get)");
        string[] root = Environment.UserName != "root" && File.Exists("/usr/bin/sudo") ? ["sudo"] : [];
        string[] install = [.. root, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", .. missing];
        if (Run(install[0], install[1..]) != 0)
        {
            Run(root.Length > 0 ? root[0] : "apt-get", root.Length > 0 ? ["apt-get", "update", "-qq"] : ["update", "-qq"]);
            Run(install[0], install[1..]);
        }
        if (Run(Python, "-c", check) != 0)
            throw new InvalidOperationException($"{string.Join(' ', packages)}: installed, but `{Python} -c \"{check}\"` still fails");
    }

    private static bool Installed(string package) =>
        Capture("dpkg-query", "-W", "-f=${Status}", package).Contains("install ok installed", StringComparison.Ordinal);

    private static int Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true });
            if (process is null) return -1;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static string Capture(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return "";
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    private void Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
    }

    private JsonElement Answer(string command)
    {
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"search_peers.py ended without answering `{command}` (its error is above)");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    // The script sits in bench/ of the repository: found from the working directory or from the bench's own folder.
    private static string Script()
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var path = Path.Combine(folder.FullName, "bench", "search_peers.py");
                if (File.Exists(path)) return path;
            }
        }
        throw new FileNotFoundException("bench/search_peers.py: not found above the working directory or the bench's folder");
    }
}
