using System.Diagnostics;
using System.Text;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string ProblemOf(Action load) => Assert.Throws<InputException>(load).Problem;

    [Fact]
    public void Missing_file()
    {
        var path = _dir.File("nowhere.txt");
        var error = Assert.Throws<InputException>(() => ArticleLoader.Load(path));
        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void Directory_instead_of_file() =>
        Assert.Equal("is a directory, not a file", ProblemOf(() => ArticleLoader.Load(_dir.Path)));

    [Fact]
    public void Empty_file()
    {
        var path = _dir.Write("empty.txt", "");
        Assert.Equal("is empty", ProblemOf(() => ArticleLoader.Load(path)));
    }

    [Fact]
    public void Whitespace_only_file()
    {
        var path = _dir.Write("blank.md", "  \n\t\r\n   \n");
        Assert.Equal("is empty", ProblemOf(() => ArticleLoader.Load(path)));
    }

    [Fact]
    public void Binary_file_with_nul_bytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var path = _dir.Write("photo.txt", bytes);
        Assert.Equal("looks like binary data, not text or HTML", ProblemOf(() => ArticleLoader.Load(path)));
    }

    [Fact]
    public void Binary_file_with_many_control_characters()
    {
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        var path = _dir.Write("data.bin", bytes);
        Assert.Equal("looks like binary data, not text or HTML", ProblemOf(() => ArticleLoader.Load(path)));
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("The minister said prices fell.\n").Concat(new byte[] { 0xE9, (byte)'t', (byte)'e' }).ToArray();
        var path = _dir.Write("latin1.txt", bytes);
        var problem = ProblemOf(() => ArticleLoader.Load(path));
        Assert.Equal("is not valid UTF-8 (byte offset 31); save it as UTF-8 or use an HTML file that declares its charset", problem);
    }

    [Fact]
    public void File_above_the_size_limit_is_refused_without_reading_it()
    {
        var path = _dir.File("huge.txt");
        using (var file = File.Create(path))
            file.SetLength(200L * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        Assert.Equal("is 200.0 MB, above the 50 MB limit", ProblemOf(() => ArticleLoader.Load(path)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Unseekable_stream_stops_reading_at_the_limit()
    {
        using var endless = new EndlessText();
        var problem = ProblemOf(() => ArticleLoader.Load(endless, "<stdin>", null));
        Assert.Equal("is larger than the 50 MB limit", problem);
        Assert.True(endless.Served <= ArticleLoader.MaxBytes + 64 * 1024, $"read {endless.Served} bytes");
    }

    [Fact]
    public void Deeply_nested_html_fails_fast_with_a_clear_error()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text.</p>" +
                   string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var path = _dir.Write("deep.html", html);
        var clock = Stopwatch.StartNew();
        var problem = ProblemOf(() => ArticleLoader.Load(path));
        Assert.Equal("nests HTML elements more than 2,000 levels deep, too deep to read safely", problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Text_that_is_all_page_chrome_has_no_article_text()
    {
        var path = _dir.Write("chrome.txt", "Accessibility links\n\nSkip to main content\nShare\nPrint\n\nComments 4\nAdvertisement\n");
        Assert.Equal("has no article text", ProblemOf(() => ArticleLoader.Load(path)));
    }

    /// <summary>A pipe that never ends, like `yes | factdesk -`.</summary>
    private sealed class EndlessText : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'y');
            Served += count;
            return count;
        }
    }
}
