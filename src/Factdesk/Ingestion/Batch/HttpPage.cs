using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Factdesk.Ingestion.Batch;

/// <summary>
/// The HTML body of an archived HTTP response (a WARC `response` record's block): only a 200 answer whose
/// Content-Type is HTML counts. Archives keep the body as the server sent it, so chunked transfer coding and
/// gzip or deflate content coding are undone here.
/// </summary>
internal static class HttpPage
{
    /// <summary>The body, or null when the response is no HTML page (a redirect, an image, a broken block).</summary>
    public static byte[]? Html(byte[] block, string name)
    {
        var end = HeaderEnd(block);
        if (end < 0) return null;
        var head = Encoding.Latin1.GetString(block, 0, end).Split('\n', StringSplitOptions.TrimEntries);
        var status = head[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || status[1] != "200") return null;
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last()[1].Trim());
        var type = headers.GetValueOrDefault("content-type", "");
        if (!type.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        var body = block.AsSpan(end).ToArray();
        try
        {
            if (headers.GetValueOrDefault("transfer-encoding", "").Contains("chunked", StringComparison.OrdinalIgnoreCase))
                body = Dechunk(body);
            body = headers.GetValueOrDefault("content-encoding", "").Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => Inflate(new GZipStream(new MemoryStream(body), CompressionMode.Decompress), name),
                "deflate" => Inflate(new ZLibStream(new MemoryStream(body), CompressionMode.Decompress), name),
                _ => body,
            };
        }
        catch (InvalidDataException)
        {
            // A body the server sent broken is one unreadable page; loading it will say the page is not HTML.
            return [];
        }
        return body;
    }

    private static int HeaderEnd(byte[] block)
    {
        var crlf = block.AsSpan().IndexOf("\r\n\r\n"u8);
        if (crlf >= 0) return crlf + 4;
        var lf = block.AsSpan().IndexOf("\n\n"u8);
        return lf >= 0 ? lf + 2 : -1;
    }

    private static byte[] Inflate(Stream decompressing, string name)
    {
        using (decompressing)
            return BoundedReader.ReadAll(decompressing, name, ArticleLoader.MaxBytes).ToArray();
    }

    /// <summary>Joins the chunks of a chunked body ("size CRLF data CRLF ... 0 CRLF CRLF").</summary>
    private static byte[] Dechunk(byte[] body)
    {
        var joined = new MemoryStream();
        var i = 0;
        while (i < body.Length)
        {
            var lineEnd = body.AsSpan(i).IndexOf((byte)'\n');
            if (lineEnd < 0) throw new InvalidDataException("a chunk size line has no end");
            var sizeText = Encoding.Latin1.GetString(body, i, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new InvalidDataException("a chunk size is not a hexadecimal number");
            i += lineEnd + 1;
            if (size == 0) break;
            if (size > body.Length - i) throw new InvalidDataException("a chunk runs past the end of the body");
            joined.Write(body, i, size);
            i += size;
            while (i < body.Length && body[i] is (byte)'\r' or (byte)'\n') i++;
        }
        return joined.ToArray();
    }
}
