namespace Factdesk.Cli;

/// <summary>Writes a file the user named, turning file-system failures into one readable <see cref="OutputException"/>.</summary>
internal static class OutputFile
{
    public static void Write(string path, string content) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    });

    /// <param name="append">Add to the end of an existing file (a log) instead of replacing it.</param>
    public static void Write(string path, Action<Stream> write, bool append = false)
    {
        if (Directory.Exists(path))
            throw new OutputException(path, "is a directory, not a file");
        try
        {
            using var stream = append ? new FileStream(path, FileMode.Append, FileAccess.Write) : File.Create(path);
            write(stream);
        }
        catch (DirectoryNotFoundException)
        {
            throw new OutputException(path, "its directory does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            throw new OutputException(path, "permission denied");
        }
        catch (IOException e)
        {
            throw new OutputException(path, e.Message);
        }
    }
}
