using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Factdesk.Ingestion;

namespace Factdesk.Bench;

/// <summary>
/// Pages per second and peak memory of Factdesk's HTML reading (parsing, main-content extraction, cleaning, metadata) over a folder of
/// pages, printed in the same shape as bench/peers/extract.mjs so the two can run side by side. A plain
/// loop rather than BenchmarkDotNet: peak resident memory is a whole-process number, and BenchmarkDotNet's child
/// processes would hide it. Pages are decompressed into memory first and one warm-up pass pays for the JIT.
/// </summary>
internal static class ExtractionPages
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench pages DIR [PASSES]");
            return 2;
        }
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var pages = Directory.EnumerateFiles(args[0]).Where(f => f.EndsWith(".html.gz", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(Read).ToList();

        ExtractAll(pages);
        var times = new List<double>();
        long chars = 0;
        // CPU time of the whole process (collector and JIT threads included) over the timed passes: on a shared,
        // loaded machine it moves far less than the wall clock.
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            chars = ExtractAll(pages);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        times.Sort();
        var median = times[times.Count / 2];
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"system":"factdesk","pages":{{pages.Count}},"passes":{{passes}},"pagesPerSecond":{{pages.Count / median:0.0}},"bestPagesPerSecond":{{pages.Count / times[0]:0.0}},"pagesPerCpuSecond":{{pages.Count * passes / cpuSeconds:0.0}},"peakRssMB":{{peakMb}},"chars":{{chars}}}"""));
        return 0;
    }

    public static long ExtractAll(List<byte[]> pages)
    {
        long chars = 0;
        foreach (var page in pages)
        {
            try
            {
                chars += ArticleLoader.Load(new MemoryStream(page), "page.html", ".html").Text.Length;
            }
            catch (InputException)
            {
                // A page without article text costs its reading time all the same, as on the Node side.
            }
        }
        return chars;
    }

    public static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        using var text = new MemoryStream();
        using var source = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        source.CopyTo(text);
        return text.ToArray();
    }
}
