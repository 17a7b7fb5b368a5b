using System.Text;
using Factdesk.Storage;

namespace Factdesk.Publishing.Site;

/// <summary>What one publish wrote.</summary>
public sealed record PublishResult(int FactChecks, int Claimants);

/// <summary>
/// Renders the stored fact-checks as a static site: a page per fact-check, per claimant and per verdict, an index
/// with pages of fact-checks by date, site.css, an Atom feed and a ClaimReview DataFeed. Pages are plain HTML with no scripts except the JSON-LD data blocks.
/// </summary>
public static class SitePublisher
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="directory">Created when missing; files of an earlier publish are replaced, others are left alone.</param>
    /// <param name="datePageSize">Fact-checks per page of the by-date listing.</param>
    public static PublishResult Publish(IEnumerable<StoredFactCheck> facts, RatingScale scale, string directory, TimeProvider? clock = null,
        int datePageSize = 100)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var entries = facts.Select(f => new SiteEntry(f, scale)).ToList();
        Directory.CreateDirectory(Path.Combine(directory, "checks"));
        Directory.CreateDirectory(Path.Combine(directory, "claimants"));
        Directory.CreateDirectory(Path.Combine(directory, "verdicts"));
        Directory.CreateDirectory(Path.Combine(directory, "dates"));

        foreach (var entry in entries)
            Write(directory, entry.PagePath, FactCheckPage.Render(entry));
        var claimants = entries.Where(e => e.Claimant is not null).GroupBy(e => e.Claimant!, StringComparer.Ordinal).ToList();
        foreach (var claimant in claimants)
            Write(directory, SiteLinks.ClaimantPath(claimant.Key), ClaimantPage.Render(claimant.Key, claimant.ToList(), scale));
        var verdicts = VerdictGroups.Of(entries, scale);
        foreach (var group in verdicts)
            Write(directory, SiteLinks.VerdictPath(group.Name), VerdictPage.Render(group));
        var datePages = entries.Count == 0 ? [] : DatePages.Split(entries, datePageSize);
        for (var page = 2; page <= datePages.Count; page++)
            Write(directory, SiteLinks.DatePath(page), DatePages.Render(datePages[page - 1], page, datePages.Count));
        Write(directory, "index.html", IndexPage.Render(entries, scale, datePages, verdicts));
        Write(directory, "site.css", SiteStylesheet.Render(scale));
        using (var feed = File.Create(Path.Combine(directory, "feed.xml"))) AtomFeed.Write(entries, feed, now);
        using (var data = File.Create(Path.Combine(directory, "datafeed.json"))) DataFeed.Write(entries, data, now);
        return new PublishResult(entries.Count, claimants.Count);
    }

    private static void Write(string directory, string relative, string content) =>
        File.WriteAllText(Path.Combine(directory, relative), content, Utf8);
}
