namespace Factdesk.Tests;

/// <summary>A fresh directory for one test, deleted with everything in it when the test ends, so tests can run in parallel.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("factdesk-test-").FullName;

    public string Path { get; }

    /// <summary>A path inside the directory; nothing is created.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string name, string contents)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public string Write(string name, byte[] contents)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
