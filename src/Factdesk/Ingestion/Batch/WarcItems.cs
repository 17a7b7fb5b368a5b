using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Factdesk.Ingestion.Batch;

/// <summary>
/// The HTML pages in a WARC file (ISO 28500, the format of web archives and of the Common Crawl News archive):
/// each `response` record holding an HTTP 200 answer with an HTML body becomes one article, named by the file and
/// the record's number and addressed by its WARC-Target-URI. Requests, metadata, redirects and non-HTML answers
/// are skipped. A `.warc.gz` file is a series of gzip members, one a record, which the decompressor reads as one.
/// </summary>
internal static class WarcItems
{
    // A WARC header block is a few hundred bytes; anything longer is not a WARC file.
    private const int MaxHeaderLine = 16 * 1024;
    private const int MaxHeaderLines = 200;

    public static IEnumerable<InputItem> Read(Stream file, string name, bool gzipped, long maxRecordBytes)
    {
        using var input = new BufferedStream(gzipped ? new GZipStream(file, CompressionMode.Decompress) : file, 64 * 1024);
        var record = 0;
        while (true)
        {
            record++;
            var recordName = $"{name} record {record}";
            Dictionary<string, string>? headers;
            string? problem = null;
            try
            {
                headers = ReadHeaders(input, out problem);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                headers = null;
                problem = $"cannot be read further ({e.Message.TrimEnd('.')})";
            }
            if (headers is null)
            {
                if (problem is not null)
                    yield return InputItem.Failed(record == 1 ? name : recordName, record == 1 ? $"is not a WARC file ({problem})" : problem);
                yield break;
            }
            if (!long.TryParse(headers.GetValueOrDefault("content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                yield return InputItem.Failed(recordName, "has no valid Content-Length; the rest of the file cannot be split into records");
                yield break;
            }
            var wanted = IsHttpResponse(headers);
            byte[]? block = null;
            string? readProblem = null;
            try
            {
                if (wanted && length <= maxRecordBytes) block = ReadExactly(input, length);
                else Skip(input, length);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
            {
                readProblem = e is EndOfStreamException ? "is cut short: the file ends inside it" : $"cannot be read ({e.Message.TrimEnd('.')})";
            }
            if (readProblem is not null)
            {
                yield return InputItem.Failed(recordName, readProblem);
                yield break;
            }
            if (!wanted) continue;
            if (block is null)
            {
                yield return InputItem.Failed(recordName, $"is {length:N0} bytes; a page is at most {maxRecordBytes:N0}");
                continue;
            }
            var url = InputItem.WebUrl(headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>'));
            if (HttpPage.Html(block, recordName) is { } page)
                yield return new InputItem(recordName, url, () =>
                {
                    var document = ArticleLoader.Load(new MemoryStream(page), recordName, ".html");
                    return InputItem.WithSource(document, document.Source with { Url = document.Source.Url ?? url });
                });
        }
    }

    private static bool IsHttpResponse(Dictionary<string, string> headers) =>
        headers.GetValueOrDefault("warc-type") == "response"
        && headers.GetValueOrDefault("content-type", "").StartsWith("application/http", StringComparison.OrdinalIgnoreCase);

    /// <summary>The next record's named fields (keys lower-cased), or null at the end of the file or when it is no WARC record.</summary>
    private static Dictionary<string, string>? ReadHeaders(Stream input, out string? problem)
    {
        problem = null;
        string? line;
        // Records are separated by two CRLFs; tolerate any number of blank lines.
        do line = ReadLine(input);
        while (line is { Length: 0 });
        if (line is null) return null;
        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
        {
            problem = $"expected a \"WARC/1.x\" line, found \"{Shorten(line)}\"";
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < MaxHeaderLines; i++)
        {
            line = ReadLine(input);
            if (line is null)
            {
                problem = "the file ends inside a record's header";
                return null;
            }
            if (line.Length == 0) return headers;
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        problem = $"a record header has more than {MaxHeaderLines} lines";
        return null;
    }

    /// <summary>One header line without its line break, as Latin-1 (WARC headers are ASCII); null at the end of the stream.</summary>
    private static string? ReadLine(Stream input)
    {
        var line = new StringBuilder();
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            if (b == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length == MaxHeaderLine) throw new InvalidDataException($"a header line is longer than {MaxHeaderLine:N0} bytes");
            line.Append((char)b);
        }
        return line.Length == 0 ? null : line.ToString();
    }

    private static byte[] ReadExactly(Stream input, long length)
    {
        var block = new byte[length];
        input.ReadExactly(block);
        return block;
    }

    private static void Skip(Stream input, long length)
    {
        var buffer = new byte[64 * 1024];
        while (length > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0) throw new EndOfStreamException();
            length -= read;
        }
    }

    private static string Shorten(string line) => line.Length > 40 ? line[..40] + "…" : line;
}
