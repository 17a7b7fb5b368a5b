namespace Factdesk.Storage;

/// <summary>
/// The files a SQLite fact-check store's search indexes are kept in beside its database (DB.hnsw, DB.bm25). They are
/// derived from the database: whatever replaces the database drops them, and the next search builds them again.
/// The extensions also name the indexes a PostgreSQL store keeps in its own table.
/// </summary>
public static class SearchIndexFiles
{
    public const string Vectors = ".hnsw";
    public const string Terms = ".bm25";

    public static readonly string[] Extensions = [Vectors, Terms];

    /// <summary>The index file <paramref name="file"/>, buffered, or null when it is missing or cannot be opened.</summary>
    internal static Stream? Read(string file)
    {
        try
        {
            return new BufferedStream(File.OpenRead(file), 1 << 20);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="file"/> aside and moves it into place; a file that cannot be written is left out.</summary>
    internal static void Save(string file, Action<Stream> write)
    {
        // Written aside and moved into place, so a reader never sees half a file and two writers leave one whole one.
        var temp = file + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var stream = new BufferedStream(File.Create(temp), 1 << 20))
                write(stream);
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An index that cannot be saved is built again next time; searching still works.
            try { File.Delete(temp); } catch (IOException) { }
        }
    }
}
