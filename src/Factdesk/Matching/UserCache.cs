namespace Factdesk.Matching;

/// <summary>
/// Where Factdesk keeps what it can rebuild but would rather not (~/.cache/factdesk, or $XDG_CACHE_HOME/factdesk):
/// encoded collections, the int8 model. Everything in it is written whole under a temporary name and then moved into
/// place, so a reader never sees half a file; losing it only costs time.
/// </summary>
public static class UserCache
{
    /// <summary>The folder for one kind of cached file, or null when the user has no home to cache in.</summary>
    public static string? Folder(string kind)
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        return root is null ? null : Path.Combine(root, "factdesk", kind);
    }

    /// <summary>Writes <paramref name="path"/> through a temporary file; false when it could not (the cache is then skipped).</summary>
    public static bool TryWrite(string path, Action<Stream> write)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temp)) write(stream);
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }
}
