using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;
using Factdesk.Pipeline;
using Factdesk.Storage;
using Factdesk.Web.Data;

namespace Factdesk.Web.Articles;

/// <summary>
/// The analysis pipeline, loaded once for the whole process. Its stages keep model state that is not safe to share
/// between threads, so articles are analysed one at a time; reading pages never waits for this.
/// </summary>
public sealed class DeskAnalysis
{
    /// <summary>The largest article the desk takes, pasted or uploaded.</summary>
    public const int MaxArticleBytes = 2 * 1024 * 1024;

    // Static: the models take seconds to load, and every host in the process (tests start several) can share them.
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => PipelineBuilder.CreateDefault().Build());
    private static readonly Lock Gate = new();

    /// <summary>Analyses and stores one article; an article already stored comes back as it is.</summary>
    public IngestOutcome Submit(DeskOptions options, string name, Func<Document> load)
    {
        lock (Gate)
        {
            using var store = StoreFactory.OpenArticles(options.Database);
            return new ArticleIngester(store, Pipeline.Value).Ingest(new InputItem(name, null, load));
        }
    }

    public static Func<Document> Pasted(string text, bool? html) => () => ArticleLoader.FromString(text, "the pasted article", html);

    public static Func<Document> Uploaded(byte[] bytes, string fileName) => () =>
    {
        using var stream = new MemoryStream(bytes);
        return ArticleLoader.Load(stream, fileName, Path.GetExtension(fileName) is { Length: > 0 } ext ? ext : null);
    };
}
