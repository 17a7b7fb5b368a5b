using System.Globalization;
using Factdesk.Documents;

namespace Factdesk.Ingestion;

/// <summary>Reads an article from a file or a stream into a <see cref="Document"/> holding its clean main text.</summary>
public static class ArticleLoader
{
    /// <summary>Inputs larger than this are refused before they are read.</summary>
    public static long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Pages that nest elements deeper than this are refused before they are parsed.</summary>
    public static int MaxHtmlDepth { get; set; } = 2000;

    /// <summary>Loads <paramref name="path"/>; "-" reads standard input.</summary>
    public static Document Load(string path)
    {
        if (path == "-")
            return Read(Console.OpenStandardInput(), "<stdin>", null, sourcePath: null);
        if (Directory.Exists(path))
            throw new InputException(path, "is a directory, not a file");
        if (!File.Exists(path))
            throw new InputException(path, "no such file");
        BoundedReader.CheckSize(path, new FileInfo(path).Length, MaxBytes);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be opened ({e.Message})");
        }
        using (stream)
        {
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? Read(new MemoryStream(Gunzip.Read(stream, path, MaxBytes)), path, Path.GetExtension(path[..^3]), path) // page.html.gz is read as page.html
                : Read(stream, path, Path.GetExtension(path), path);
        }
    }

    /// <summary>
    /// An article already in memory as a string (a feed item, a JSON Lines record); <paramref name="html"/> says
    /// whether it is HTML or plain text, null to tell from the content.
    /// </summary>
    public static Document FromString(string raw, string name, bool? html = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
            throw new InputException(name, "is empty");
        var isHtml = html ?? InputFormats.Sniff(raw[..Math.Min(raw.Length, 4096)]) == InputFormat.Html;
        return isHtml ? FromHtml(raw, name, sourcePath: null) : FromText(raw, name, sourcePath: null);
    }

    /// <summary>Loads an article from <paramref name="stream"/>; <paramref name="name"/> names it in errors, and
    /// <paramref name="extension"/> (".html", ".md", ...) gives its format, or null to tell from the content.</summary>
    public static Document Load(Stream stream, string name, string? extension) => Read(stream, name, extension, name);

    private static Document Read(Stream stream, string name, string? extension, string? sourcePath)
    {
        var bytes = BoundedReader.ReadAll(stream, name, MaxBytes);
        var (raw, format) = InputDecoder.Decode(bytes, name, InputFormats.FromExtension(extension));
        if (string.IsNullOrWhiteSpace(raw))
            throw new InputException(name, "is empty");
        return format == InputFormat.Html
            ? FromHtml(raw, name, sourcePath)
            : FromText(format == InputFormat.Markdown ? MarkdownText.Strip(raw) : raw, name, sourcePath);
    }

    private static Document FromText(string raw, string name, string? sourcePath)
    {
        var text = CleanText(raw, name);
        return new Document(text, new SourceInfo(sourcePath, Title: TextTitle.Find(text), Language: LanguageGuesser.Guess(text)));
    }

    private static Document FromHtml(string html, string name, string? sourcePath)
    {
        if (HtmlDepth.Exceeds(html, MaxHtmlDepth))
        {
            throw new InputException(name, string.Create(CultureInfo.InvariantCulture,
                $"nests HTML elements more than {MaxHtmlDepth:N0} levels deep, too deep to read safely"));
        }
        var article = HtmlArticle.Read(html);
        var text = CleanText(article.Text, name);
        // Debris rules can empty a page that is all captions; then the readability text is better than nothing.
        if (PageDebris.Strip(text) is { Length: > 0 } stripped)
            text = stripped;
        var meta = article.Metadata;
        var source = new SourceInfo(
            sourcePath,
            Url: meta.Url,
            Title: meta.Title,
            Site: meta.Site,
            Published: meta.Published,
            Language: meta.Language ?? LanguageGuesser.Guess(text),
            Authors: meta.Authors);
        return new Document(text, source) { ClaimReview = meta.ClaimReview };
    }

    private static string CleanText(string raw, string name)
    {
        var text = TextCleaner.Clean(raw);
        return text.Length > 0 ? text : throw new InputException(name, "has no article text");
    }
}
