using System.Globalization;
using System.Text.Json.Nodes;
using Factdesk.FactChecks;
using Factdesk.Publishing;
using Factdesk.Publishing.Site;
using Factdesk.Storage;

namespace Factdesk.Web.Checks;

/// <summary>
/// A published check as the public sees it. It becomes the same fact-check record the static site publishes, so
/// the page, its badge and its ClaimReview are made by the very code <c>factdesk publish</c> uses.
/// </summary>
public static class PublishedCheck
{
    /// <summary>Where the public page of check <paramref name="id"/> lives, relative to the desk's address.</summary>
    public static string PagePath(long id) => $"/site/checks/{id.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>The key a published check has in the fact-check store.</summary>
    public static string SourceKey(long id) => $"desk:{id.ToString(CultureInfo.InvariantCulture)}";

    public static FactCheckRecord Record(CheckRecord check, RatingScale scale, string publisher, string baseUrl)
    {
        var label = check.Verdict is { } verdict ? scale.Find(verdict) : null;
        return new FactCheckRecord(
            SourceKey: SourceKey(check.Id),
            Claim: check.Claim,
            Claimant: check.Claimant,
            ClaimantTitle: check.ClaimantTitle,
            Verdict: label?.Name ?? check.Verdict,
            RatingValue: label?.Value,
            BestRating: label is null ? null : scale.BestValue,
            WorstRating: label is null ? null : scale.WorstValue,
            Url: baseUrl.TrimEnd('/') + PagePath(check.Id),
            Publisher: publisher,
            Language: "en",
            ReviewDate: check.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary: check.Summary,
            Analysis: check.Analysis);
    }

    public static JsonObject ClaimReview(FactCheckRecord record) => FactCheckClaimReview.Write(record);

    /// <summary>
    /// Writes the public site of every published check into <paramref name="directory"/> with the static site's
    /// publisher: a page per check, the index, pages per claimant and verdict, the Atom feed and the ClaimReview data
    /// feed. The desk serves the folder under /site; it is also a site to copy anywhere as it is.
    /// </summary>
    public static void WriteSite(IEnumerable<CheckRecord> published, RatingScale scale, string publisher, string baseUrl, string directory)
    {
        lock (SiteGate)
            SitePublisher.Publish(published.Select(c => new StoredFactCheck(c.Id, Record(c, scale, publisher, baseUrl), c.PublishedAt ?? c.UpdatedAt)), scale, directory);
    }

    // Two editors publishing at once would otherwise write the same index and feeds over each other.
    private static readonly Lock SiteGate = new();
}
