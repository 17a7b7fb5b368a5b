using System.IO.Compression;
using System.Text;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;

namespace Factdesk.Tests.Ingestion.Batch;

public sealed class InputSourcesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingest", name);

    private static List<InputItem> Expand(params string[] paths) => [.. InputSources.Expand(paths, () => Stream.Null)];

    private static List<InputItem> FromStdin(string content) =>
        [.. InputSources.Expand(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes(content)))];

    [Fact]
    public void Each_rss_item_is_an_article_with_the_feeds_title_link_and_date()
    {
        var items = Expand(Fixture("tiny.rss"));
        Assert.Equal(3, items.Count);
        var first = items[0].Load();
        Assert.Equal("Northern quay closed after seawall cracks", first.Source.Title);
        Assert.Equal("https://courier.example.org/news/quay-closed?utm_source=rss", first.Source.Url);
        Assert.Equal("Westmere Courier", first.Source.Site);
        Assert.Equal(["Marta Silva"], first.Source.Authors);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 15, 0, TimeSpan.Zero), first.Source.Published);
        Assert.StartsWith("Harbour authorities in Westmere closed the northern quay", first.Text);
        Assert.Contains("four million euros", items[1].Load().Text);
        var empty = Assert.Throws<InputException>(() => items[2].Load());
        Assert.Equal($"{Fixture("tiny.rss")} item 3", empty.Input);
        Assert.Contains("neither content nor a description", empty.Problem);
    }

    [Fact]
    public void An_atom_entry_with_only_an_updated_date_gets_that_date()
    {
        var entry = Assert.Single(Expand(Fixture("tiny.atom"))).Load();
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero), entry.Source.Published);
        Assert.Equal("https://wire.example.net/2026/11/queues", entry.Source.Url);
        Assert.StartsWith("Fishing boats moved", entry.Text);
    }

    [Fact]
    public void Each_json_line_is_an_article_and_bad_lines_fail_alone()
    {
        var items = Expand(Fixture("articles.jsonl"));
        Assert.Equal(4, items.Count);
        Assert.Equal("https://gazette.example.com/a/quay", items[0].Url);
        Assert.Contains("cracked seawall", items[0].Load().Text);
        Assert.StartsWith("Market traders", items[1].Load().Text);
        Assert.Contains("not valid JSON", Assert.Throws<InputException>(() => items[2].Load()).Problem);
        Assert.EndsWith("line 3", items[2].Name);
        Assert.Contains("neither \"html\" nor \"text\"", Assert.Throws<InputException>(() => items[3].Load()).Problem);
        Assert.EndsWith("line 5", items[3].Name);
    }

    [Fact]
    public void A_folder_is_read_recursively_in_a_stable_order_and_other_files_are_skipped()
    {
        _temp.Write("news/a.html", "<html><body><p>The quay is shut for three weeks, the harbour master said.</p></body></html>");
        _temp.Write("news/sub/b.txt", "Traders asked for a shuttle bus.");
        _temp.Write("news/sub/c.md", "# Budget\n\nThe levy pays for the new hall.");
        _temp.Write("news/sub/deeper/d.html.gz", Gzip("<html><body><p>Queues formed before dawn at the southern basin.</p></body></html>"));
        _temp.Write("news/sub/photo.jpg", [0xFF, 0xD8, 0xFF, 0x00]);
        File.Copy(Fixture("tiny.atom"), _temp.File("news", "wire.atom"));

        var items = Expand(_temp.File("news"));
        Assert.Equal(["a.html", "b.txt", "c.md", "d.html.gz", "wire.atom item 1"],
            items.Select(i => Path.GetFileName(i.Name)));
        Assert.Equal("Queues formed before dawn at the southern basin.", items[3].Load().Text);
        Assert.Equal("Budget\n\nThe levy pays for the new hall.", items[2].Load().Text);
    }

    [Fact]
    public void Standard_input_may_hold_a_feed_json_lines_or_one_article()
    {
        Assert.Equal(3, FromStdin(File.ReadAllText(Fixture("tiny.rss"))).Count);
        Assert.Equal(4, FromStdin(File.ReadAllText(Fixture("articles.jsonl"))).Count);
        var article = Assert.Single(FromStdin("One article read from a pipe, with a sentence in it."));
        Assert.Equal("<stdin>", article.Name);
        Assert.StartsWith("One article", article.Load().Text);
    }

    [Fact]
    public void Bad_files_fail_one_by_one_with_the_reason()
    {
        var truncated = Gzip("<html><body><p>" + string.Concat(Enumerable.Repeat("A long sentence about the quay. ", 400)) + "</p></body></html>");
        var paths = new[]
        {
            _temp.Write("cut.html.gz", truncated[..(truncated.Length / 2)]),
            _temp.Write("binary.html", [0x00, 0x01, 0x02, 0x89, 0x50, 0x4E, 0x47]),
            _temp.Write("empty.txt", ""),
            _temp.Write("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 prices rose again.")),
            _temp.Write("notafeed.rss", "<html><body>Not a feed</body></html>"),
            _temp.File("missing.html"),
        };
        var problems = Expand(paths).Select(i => Assert.Throws<InputException>(() => i.Load()).Problem).ToList();
        Assert.Collection(problems,
            p => Assert.Contains("gzip", p),
            p => Assert.Contains("binary", p),
            p => Assert.Contains("empty", p),
            p => Assert.Contains("not valid UTF-8", p),
            p => Assert.Contains("not a readable RSS or Atom feed", p),
            p => Assert.Contains("no such file or folder", p));
    }

    internal static byte[] Gzip(string text)
    {
        var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
            zip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
