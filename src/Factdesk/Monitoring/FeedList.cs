using Factdesk.Ingestion;

namespace Factdesk.Monitoring;

/// <summary>
/// The sources a monitor polls, one a line in a text file: an http(s) address of an RSS or Atom feed, or a path to a
/// folder, a feed file, a JSON Lines file or a WARC file (relative paths are read from the list's folder). Blank lines
/// and lines starting with # are skipped.
/// </summary>
public static class FeedList
{
    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
            throw new InputException(path, Directory.Exists(path) ? "is a directory, not a list of feeds" : "no such feed list");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sources = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => IsWeb(l) ? l : Path.GetFullPath(l, folder))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
            throw new InputException(path, "lists no feeds, folders or files");
        return sources;
    }

    public static bool IsWeb(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
