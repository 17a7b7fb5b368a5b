using System.Diagnostics;
using System.Globalization;
using Factdesk.Publishing;
using Factdesk.Publishing.Site;
using Factdesk.Storage;

namespace Factdesk.Bench;

/// <summary>
/// `publish N DIR`: how long `factdesk publish` takes to render N made-up fact-checks (about N/10 claimants, verdicts
/// spread over the scale, each with a summary and a short Markdown analysis) into DIR, without the store read. A plain timing loop: one run writes thousands of files,
/// which is the cost being measured, so BenchmarkDotNet's repetitions would only measure the disk cache.
/// </summary>
internal static class SitePublishing
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: Factdesk.Bench publish N DIR");
            return 2;
        }
        var verdicts = new[] { "False", "Mostly False", "Half True", "Mostly True", "True", "Misleading", "Unproven" };
        var facts = Enumerable.Range(1, count).Select(i => new StoredFactCheck(i, new FactCheckRecord(
            SourceKey: $"bench:{i}",
            Claim: $"Claim number {i} says the figure rose by {i % 97} percent last year <b>really</b>.",
            Claimant: $"Claimant {i % Math.Max(1, count / 10)}",
            ClaimantTitle: "politician",
            ClaimDate: new DateOnly(2020, 1, 1).AddDays(i % 2000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Verdict: verdicts[i % verdicts.Length],
            Url: $"https://checks.example/{i}",
            Publisher: "Example Checks",
            ReviewDate: new DateOnly(2020, 1, 2).AddDays(i % 2000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary: $"The figure rose by {i % 13} percent, not {i % 97}.",
            Analysis: $"## What the statistics office says\n\nIts [annual report](https://stats.example/{i}) gives **{i % 13}%**.\n\n- the claim: {i % 97}%\n- the record: {i % 13}%\n"),
            DateTimeOffset.UnixEpoch)).ToList();

        for (var run = 1; run <= 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = SitePublisher.Publish(facts, RatingScales.Default, args[1]);
            Console.WriteLine($"run {run}: {result.FactChecks} fact-checks, {result.Claimants} claimants in {clock.Elapsed.TotalSeconds:F2} s");
        }
        var bytes = new DirectoryInfo(args[1]).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Console.WriteLine($"site: {bytes / 1024.0 / 1024.0:F1} MiB; index.html {new FileInfo(Path.Combine(args[1], "index.html")).Length / 1024.0 / 1024.0:F1} MiB");
        return 0;
    }
}
