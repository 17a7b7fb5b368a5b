using System.Diagnostics;
using System.Text;

namespace Factdesk.Tests.Cli;

/// <summary>
/// Every kind of bad article `check` may be given: one line on stderr that names the file and the problem,
/// exit code 2, no stack trace, and an answer within seconds.
/// </summary>
public sealed class BadInputCheckTests : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<CliRun> CheckWithin(string path)
    {
        var clock = Stopwatch.StartNew();
        var run = await CliRun.Of("check", path);
        Assert.True(clock.Elapsed < Quickly, $"check took {clock.Elapsed}");
        Assert.Equal("", run.Stdout);
        return run;
    }

    [Fact]
    public async Task Empty_file() =>
        (await CheckWithin(_temp.Write("empty.txt", ""))).AssertUserError("empty.txt: is empty");

    [Fact]
    public async Task Binary_file_named_html() =>
        (await CheckWithin(_temp.Write("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])))
            .AssertUserError("photo.html: looks like binary data");

    [Fact]
    public async Task Invalid_utf8_text()
    {
        var bytes = Encoding.ASCII.GetBytes("The minister said the figure was wrong ").Concat(new byte[] { 0xC3, 0x28, 0xA0, 0xA1 }).ToArray();
        (await CheckWithin(_temp.Write("latin.txt", bytes))).AssertUserError("latin.txt: is not valid UTF-8");
    }

    [Fact]
    public async Task File_of_200_MB()
    {
        var path = _temp.File("huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024); // sparse: no 200 MB written to disk

        (await CheckWithin(path)).AssertUserError("huge.txt: is 200.0 MB, above the");
    }

    [Fact]
    public async Task Html_nested_100000_levels_deep()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++) html.Append("<div>");
        html.Append("<p>Deep text.</p></body></html>");

        (await CheckWithin(_temp.Write("deep.html", html.ToString()))).AssertUserError("deep.html: ");
    }

    [Fact]
    public async Task Text_that_is_only_page_furniture()
    {
        var run = await CheckWithin(_temp.Write("menu.txt", "Accessibility links\n\nBreaking News\n\nShare\n\nPrint\n"));
        run.AssertUserError("menu.txt: has no article text");
    }
}
