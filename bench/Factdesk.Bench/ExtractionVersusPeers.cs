using Factdesk.Bench.Peers;
using Factdesk.Bench.Results;

namespace Factdesk.Bench;

/// <summary>
/// `extraction DIR [--pages N] [--runs N] [--smoke]`: pages per second of Factdesk's HTML reading beside Readability.js
/// on linkedom (Node, the fair peer: a DOM in the same language as its extractor) and readability-lxml (Debian's
/// Python), run by run in one invocation, into bench/results/extraction.json. The pages are the same bytes for all
/// three (the first N of DIR in name order), decompressed into memory before timing.
/// </summary>
internal static class ExtractionVersusPeers
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("extraction", args);
        if (options.Positional is not [var dir] || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench extraction DIR [--pages N] [--runs N] [--smoke]");
            return 2;
        }
        var files = Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".html.gz", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(options.Int("--pages", options.Smoke ? 5 : int.MaxValue)).ToList();
        // The peers read a folder: give them one holding exactly these pages.
        var folder = Directory.CreateTempSubdirectory("factdesk-bench-pages-").FullName;
        try
        {
            foreach (var file in files) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var pages = files.Select(ExtractionPages.Read).ToList();
            var peersDir = Path.Combine(BenchOptions.RepositoryRoot(), "bench", "peers");
            var peers = new[]
            {
                PeerProcess.Start("Readability.js + linkedom", "node", Path.Combine(peersDir, "extract.mjs"), folder, "--serve"),
                PeerProcess.Start("readability-lxml", "/usr/bin/python3", Path.Combine(peersDir, "readability_lxml.py"), folder),
            }.OfType<PeerProcess>().ToList();
            try
            {
                var result = BenchResult.Start("extraction", options.Command);
                var measurements = SideBySide.Run("Factdesk", () => ExtractionPages.ExtractAll(pages), peers, pages.Count, "pages/s", options.Runs);
                measurements.Add(SideBySide.OurPeakMemory("Factdesk"));
                measurements.AddRange(SideBySide.PeakMemory(peers));
                (result with
                {
                    Measurements = measurements,
                    Notes = [BenchOptions.Invariant($"{pages.Count} pages of the article extraction benchmark, {pages.Sum(p => p.Length) / 1e6:0.0} MB of HTML, decompressed in memory; main text, cleaning and metadata on our side, Readability's parse() on theirs")],
                }).Save(options.ResultsDirectory);
            }
            finally
            {
                foreach (var peer in peers) peer.Dispose();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }
}
