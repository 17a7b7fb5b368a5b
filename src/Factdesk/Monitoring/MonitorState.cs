using System.Globalization;

namespace Factdesk.Monitoring;

/// <summary>
/// What the monitor has already handled, in a small append-only text file, so a restarted monitor does not publish
/// everything again: article keys published, items dead-lettered, and files (path, size, modification time) read to the
/// end. A line is written after JetStream has acknowledged what it records; a crash in between means one repeat
/// publish, which the stream's duplicate window or the workers' idempotent store absorbs.
/// </summary>
public sealed class MonitorState : IDisposable
{
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dead = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;

    private MonitorState(StreamWriter writer) => _writer = writer;

    public int PublishedCount => _published.Count;

    public static MonitorState Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new Ingestion.InputException(path, "is a directory, not a monitor state file");
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
            throw new Ingestion.InputException(path, "is in a folder that does not exist");
        var state = new MonitorState(new StreamWriter(new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true });
        using var reader = new StreamReader(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            // A line cut short by a crash has no tab after its kind, or a missing end; it is ignored.
            var tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var value = line[(tab + 1)..];
            (line[..tab] switch { "k" => state._published, "d" => state._dead, "f" => state._files, _ => null })?.Add(value);
        }
        return state;
    }

    public bool IsPublished(string key) => _published.Contains(Clean(key));

    public void Published(string key) => Add(_published, "k", key);

    public bool IsDeadLettered(string source) => _dead.Contains(Clean(source));

    public void DeadLettered(string source) => Add(_dead, "d", source);

    /// <summary>True when this file, at this size and modification time, has been read to the end before.</summary>
    public bool IsRead(FileInfo file) => _files.Contains(FileLine(file));

    public void Read(FileInfo file) => Add(_files, "f", FileLine(file));

    public void Dispose() => _writer.Dispose();

    private void Add(HashSet<string> set, string kind, string value)
    {
        var clean = Clean(value);
        if (set.Add(clean)) _writer.WriteLine($"{kind}\t{clean}");
    }

    private static string FileLine(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.FullName}\t{file.Length}\t{file.LastWriteTimeUtc.Ticks}");

    // One entry a line: a name with a line break in it (possible in a file name) must not split into two entries.
    private static string Clean(string value) => value.ReplaceLineEndings(" ");
}
