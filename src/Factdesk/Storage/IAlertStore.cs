namespace Factdesk.Storage;

/// <summary>
/// Where the monitoring workers record the alerts they raise and which articles they have finished. Recording is
/// idempotent: an (article, fact-check) pair is one alert however often the article's job is delivered.
/// </summary>
public interface IAlertStore : IDisposable
{
    /// <summary>True when <see cref="Finish"/> has run for the article: its alerts are recorded and a redelivered job has nothing left to do.</summary>
    bool IsFinished(long articleId);

    /// <summary>
    /// Records <paramref name="alerts"/> for the article and marks it finished, in one transaction; returns how many
    /// alerts were new (a pair already recorded is left as it is).
    /// </summary>
    int Finish(long articleId, IReadOnlyList<AlertRecord> alerts);

    /// <summary>The newest <paramref name="limit"/> alerts, newest first.</summary>
    IReadOnlyList<StoredAlert> Latest(int limit);

    /// <summary>How many articles are marked finished.</summary>
    int FinishedCount();
}

/// <summary>
/// A claim in a stored article that matches a fact-check rated false (or nearly so) above the confident threshold:
/// <see cref="ArticleClaim"/> is the article's sentence, the rest describe the fact-check.
/// </summary>
public sealed record AlertRecord(long FactCheckId, string ArticleClaim, string FactCheckClaim, string? Verdict, string? Url, double Score);

public sealed record StoredAlert(long Id, long ArticleId, AlertRecord Alert, DateTimeOffset CreatedAt);
