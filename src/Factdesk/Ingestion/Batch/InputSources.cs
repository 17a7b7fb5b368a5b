using System.Text;

namespace Factdesk.Ingestion.Batch;

/// <summary>
/// Turns what a user names on the command line (files, folders, feeds, JSON Lines, "-") into the articles in them.
/// Anything that cannot be opened becomes a failing item instead of an exception, so the batch goes on.
/// </summary>
public static class InputSources
{
    private static readonly string[] ArticleExtensions = [".html", ".htm", ".html.gz", ".htm.gz", ".txt", ".md"];
    private static readonly string[] FeedExtensions = [".rss", ".atom", ".xml"];
    private static readonly string[] JsonLinesExtensions = [".jsonl", ".ndjson"];
    private static readonly string[] WarcExtensions = [".warc", ".warc.gz"];

    /// <param name="paths">Files and folders; "-" is standard input.</param>
    /// <param name="standardInput">Opens standard input (tests pass their own stream).</param>
    public static IEnumerable<InputItem> Expand(IEnumerable<string> paths, Func<Stream> standardInput)
    {
        foreach (var path in paths)
        {
            var items = path == "-" ? FromStandardInput(standardInput)
                : Directory.Exists(path) ? FromFolder(path)
                : File.Exists(path) ? FromFile(path)
                : [InputItem.Failed(path, "no such file or folder")];
            foreach (var item in items)
                yield return item;
        }
    }

    /// <summary>Every file in the folder and below it with an extension Factdesk reads, in a stable order; other files are not articles.</summary>
    private static IEnumerable<InputItem> FromFolder(string folder) => FilesIn(folder).SelectMany(FromFile);

    /// <summary>The files in <paramref name="folder"/> and below it that a folder given to <see cref="Expand"/> reads, in that order.</summary>
    public static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => Known(f, ArticleExtensions) || Known(f, FeedExtensions) || Known(f, JsonLinesExtensions) || Known(f, WarcExtensions))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<InputItem> FromFile(string path)
    {
        if (Known(path, FeedExtensions))
            return Contained(path, FeedItems.Read);
        if (Known(path, JsonLinesExtensions))
            return Contained(path, JsonLinesItems.Read);
        if (Known(path, WarcExtensions))
            return Archived(path);
        return [new InputItem(path, null, () => ArticleLoader.Load(path))];
    }

    /// <summary>Standard input may hold a feed, JSON Lines or one article; its first characters tell which.</summary>
    private static IEnumerable<InputItem> FromStandardInput(Func<Stream> open)
    {
        const string name = "<stdin>";
        byte[] bytes;
        try
        {
            using var stream = open();
            bytes = BoundedReader.ReadAll(stream, name, ArticleLoader.MaxBytes).ToArray();
        }
        catch (InputException e)
        {
            return [InputItem.Failed(name, e.Problem)];
        }
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{'))
            return Decoded(bytes, name, JsonLinesItems.Read);
        if (IsFeed(head))
            return Decoded(bytes, name, FeedItems.Read);
        return [new InputItem(name, null, () => ArticleLoader.Load(new MemoryStream(bytes), name, null))];
    }

    private static bool IsFeed(string head)
    {
        var start = head.StartsWith("<?xml", StringComparison.Ordinal) ? head[(head.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : head;
        return start.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) ||
               start.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A file holding many articles; when the file itself cannot be read, that is one failed item.</summary>
    private static IEnumerable<InputItem> Contained(string path, Func<string, string, IEnumerable<InputItem>> split)
    {
        byte[] bytes;
        try
        {
            BoundedReader.CheckSize(path, new FileInfo(path).Length, ArticleLoader.MaxBytes);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(path, $"cannot be opened ({e.Message})")];
        }
        catch (InputException e)
        {
            return [InputItem.Failed(path, e.Problem)];
        }
        return Decoded(bytes, path, split);
    }

    /// <summary>A web archive is read record by record, keeping only the HTML answers, so a compressed archive is never held whole.</summary>
    private static IEnumerable<InputItem> Archived(string path)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(path, $"cannot be opened ({e.Message})")];
        }
        return WarcItems.Read(file, path, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), ArticleLoader.MaxBytes);
    }

    private static IEnumerable<InputItem> Decoded(byte[] bytes, string name, Func<string, string, IEnumerable<InputItem>> split)
    {
        try
        {
            // Feeds declare their encoding in the XML prolog, which the feed reader honours only from bytes;
            // UTF-8 is what nearly every feed and every JSON Lines file uses, so that is what is required here.
            return split(new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF'), name);
        }
        catch (DecoderFallbackException e)
        {
            return [InputItem.Failed(name, $"is not valid UTF-8 (byte offset {e.Index})")];
        }
    }

    private static bool Known(string path, string[] extensions) =>
        extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
