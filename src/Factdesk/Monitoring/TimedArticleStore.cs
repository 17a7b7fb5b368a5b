using System.Diagnostics;
using Factdesk.Storage;

namespace Factdesk.Monitoring;

/// <summary>An article store that adds up the time spent in it, so a worker can say where its time goes (analysis or store).</summary>
public sealed class TimedArticleStore(IArticleStore inner) : IArticleStore
{
    private long _ticks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public AddResult Add(ArticleRecord article) => Timed(() => inner.Add(article));

    public long? FindExisting(string? canonicalUrl, string contentHash) => Timed(() => inner.FindExisting(canonicalUrl, contentHash));

    public StoredArticle? Get(long id) => Timed(() => inner.Get(id));

    public IReadOnlyList<(long Id, ulong SimHash)> Originals() => Timed(inner.Originals);

    public IEnumerable<StoredArticle> AllOriginals() => inner.AllOriginals();

    public int Count() => Timed(inner.Count);

    public void Dispose() => inner.Dispose();

    private T Timed<T>(Func<T> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return call();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        }
    }
}
