using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Factdesk.Tests.Monitoring;

/// <summary>
/// A nats-server with JetStream on a free loopback port and a temporary store folder, started and stopped by the
/// tests, and restartable on the same port and folder (the restart test). Tests skip, saying why, when nats-server
/// is not installed; under CI (FACTDESK_TEST_NATS set by .ci/run, which installs it) a missing server is a failure.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    private readonly TempDirectory _store = new();
    private readonly int _port;
    private Process? _process;

    private NatsServer(string binary)
    {
        Binary = binary;
        _port = FreePort();
    }

    public string Binary { get; }

    public string Url => $"nats://127.0.0.1:{_port}";

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(d => Path.Combine(d, "nats-server")).FirstOrDefault(File.Exists);

    /// <summary>Skips the test when nats-server is absent, except under CI, where .ci/run installs it and its absence fails the test.</summary>
    public static string Require()
    {
        var binary = Find();
        if (binary is null && Environment.GetEnvironmentVariable("FACTDESK_TEST_NATS") is { Length: > 0 })
            Assert.Fail("FACTDESK_TEST_NATS is set (CI) but nats-server is not on PATH");
        Assert.SkipWhen(binary is null, "nats-server is not installed (apt-get install nats-server); .ci/run installs it");
        return binary!;
    }

    /// <summary>
    /// The server CI started (FACTDESK_TEST_NATS) when there is one, else a server of the test's own; tests keep apart by
    /// stream prefix. Dispose it either way: only an own server is stopped.
    /// </summary>
    public static async Task<(string Url, IAsyncDisposable Owned)> AnyAsync()
    {
        if (Environment.GetEnvironmentVariable("FACTDESK_TEST_NATS") is { Length: > 0 } url)
            return (url, new NoServer());
        var server = await StartAsync();
        return (server.Url, server);
    }

    private sealed class NoServer : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public static async Task<NatsServer> StartAsync()
    {
        var server = new NatsServer(Require());
        await server.StartProcess();
        return server;
    }

    /// <summary>Stops the server (SIGTERM, as systemd would) and starts it again on the same port with the same store after <paramref name="down"/>.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        _process.Dispose();
        await Task.Delay(down);
        await StartProcess();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _store.Dispose();
    }

    private async Task StartProcess()
    {
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-a", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", _store.Path })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NatsConnection(new NatsOpts { Url = Url });
                await connection.ConnectAsync();
                await new NatsJSContext(connection).GetAccountInfoAsync();
                return;
            }
            catch (Exception) when (clock.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
