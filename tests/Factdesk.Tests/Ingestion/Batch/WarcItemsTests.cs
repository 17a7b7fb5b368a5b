using System.IO.Compression;
using System.Text;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;

namespace Factdesk.Tests.Ingestion.Batch;

public sealed class WarcItemsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Page = "<html><head><title>Quay closed</title></head><body><article><p>The harbour master closed the northern quay on Tuesday " +
                                "after inspectors found cracks in the seawall, the port authority said.</p><p>Repairs will take three weeks.</p></article></body></html>";

    private static byte[] Record(string type, string? uri, string contentType, byte[] block)
    {
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\n" + (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n") +
                   $"WARC-Date: 2026-11-20T10:00:00Z\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Response(string uri, string status, string headers, byte[] body) =>
        Record("response", uri, "application/http; msgtype=response", [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}\r\n"), .. body]);

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    private static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{10:x}\r\n"), .. body.AsSpan(0, 10), .. "\r\n"u8,
         .. Encoding.ASCII.GetBytes($"{body.Length - 10:x}\r\n"), .. body.AsSpan(10), .. "\r\n0\r\n\r\n"u8];

    /// <summary>An archive as a crawler writes it: its info record, a request, a page, a redirect, an image, and a page sent chunked and gzipped.</summary>
    internal static List<byte[]> Records() =>
    [
        Record("warcinfo", null, "application/warc-fields", "software: test crawler\r\n"u8.ToArray()),
        Record("request", "https://news.example/quay", "application/http; msgtype=request", "GET /quay HTTP/1.1\r\nHost: news.example\r\n\r\n"u8.ToArray()),
        Response("https://news.example/quay", "200 OK", "Content-Type: text/html; charset=utf-8\r\n", Encoding.UTF8.GetBytes(Page)),
        Response("https://news.example/old", "301 Moved Permanently", "Location: https://news.example/quay\r\n", []),
        Response("https://news.example/logo.png", "200 OK", "Content-Type: image/png\r\n", [137, 80, 78, 71]),
        Response("https://news.example/repairs", "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            Chunked(Gzip(Encoding.UTF8.GetBytes(Page.Replace("Repairs will take three weeks.", "The repairs began on Friday."))))),
    ];

    [Theory]
    [InlineData("crawl.warc")]
    [InlineData("crawl.warc.gz")]
    public void Each_html_page_in_an_archive_is_an_article_with_its_address(string name)
    {
        var records = Records();
        var file = _temp.File(name);
        // A .warc.gz is one gzip member a record, as web archives are written.
        File.WriteAllBytes(file, name.EndsWith(".gz") ? [.. records.SelectMany(Gzip)] : [.. records.SelectMany(r => r)]);

        var items = InputSources.Expand([file], () => Stream.Null).ToList();

        Assert.Equal([$"{file} record 3", $"{file} record 6"], items.Select(i => i.Name));
        Assert.Equal(["https://news.example/quay", "https://news.example/repairs"], items.Select(i => i.Url));
        var first = items[0].Load();
        Assert.Contains("closed the northern quay", first.Text);
        Assert.Equal("https://news.example/quay", first.Source.Url);
        Assert.Contains("The repairs began on Friday.", items[1].Load().Text);
    }

    [Fact]
    public void A_file_cut_inside_a_record_keeps_the_records_before_it_and_reports_the_cut()
    {
        var bytes = Records().SelectMany(r => r).ToArray();
        var file = _temp.Write("cut.warc", "");
        File.WriteAllBytes(file, bytes[..^40]);

        var items = InputSources.Expand([file], () => Stream.Null).ToList();

        Assert.Equal(2, items.Count);
        Assert.Contains("northern quay", items[0].Load().Text);
        var cut = Assert.Throws<InputException>(() => items[1].Load());
        Assert.Equal($"{file} record 6", cut.Input);
        Assert.Contains("cut short", cut.Problem);
    }

    [Fact]
    public void A_file_that_is_no_archive_is_one_clear_failure()
    {
        var file = _temp.Write("notes.warc", "These are my notes, not a web archive.\n");

        var item = Assert.Single(InputSources.Expand([file], () => Stream.Null));

        var error = Assert.Throws<InputException>(() => item.Load());
        Assert.Equal(file, error.Input);
        Assert.Contains("is not a WARC file", error.Problem);
    }

    [Fact]
    public void A_record_larger_than_the_page_limit_fails_alone()
    {
        var records = Records();
        var file = _temp.File("big.warc");
        File.WriteAllBytes(file, [.. records.SelectMany(r => r)]);

        var items = WarcItems.Read(File.OpenRead(file), file, gzipped: false, maxRecordBytes: 200).ToList();

        Assert.All(items, i => Assert.Contains("a page is at most 200", Assert.Throws<InputException>(() => i.Load()).Problem));
        Assert.Equal(2, items.Count);
    }
}
