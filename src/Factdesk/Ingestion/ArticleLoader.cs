using Factdesk.Documents;

namespace Factdesk.Ingestion;

/// <summary>Reads an article from a file or a stream into a <see cref="Document"/> holding its clean main text.</summary>
public static class ArticleLoader
{
    /// <summary>Loads <paramref name="path"/>; "-" reads standard input.</summary>
    public static Document Load(string path)
    {
        if (path == "-")
            return Load(Console.OpenStandardInput(), "<stdin>", ".txt");
        if (Directory.Exists(path))
            throw new InputException(path, "is a directory, not a file");
        if (!File.Exists(path))
            throw new InputException(path, "no such file");
        using var stream = File.OpenRead(path);
        return Load(stream, path, Path.GetExtension(path));
    }

    public static Document Load(Stream stream, string name, string? extension)
    {
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new Document(text, new SourceInfo(name));
    }
}
