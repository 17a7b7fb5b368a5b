using Factdesk.Web.Data;

namespace Factdesk.Web.Articles;

public sealed record ArticleSummary(long Id, string? Title, string? Url, DateTimeOffset IngestedAt, int Checks);

/// <summary>The articles, newest first, with how many checks each has; and one article with its analysis.</summary>
public sealed class ArticleList(DeskDatabase db, DeskOptions options, DossierCache cache)
{
    public IReadOnlyList<ArticleSummary> Newest(int limit = 100, int offset = 0)
    {
        using var select = db.Command($"{Select} ORDER BY a.id DESC LIMIT @limit OFFSET @offset");
        select.Bind("@limit", limit);
        select.Bind("@offset", offset);
        return select.Rows(Read);
    }

    public int Count()
    {
        using var count = db.Command("SELECT count(*) FROM articles");
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The article and its analysis; the analysis comes from the cache while the article's content is unchanged.</summary>
    public (ArticleSummary Summary, AnalysedArticle Analysis) Get(long id)
    {
        using var select = db.Command($"{Select} WHERE a.id = @id");
        select.Bind("@id", id);
        // Read and closed before the dossier is loaded: a PostgreSQL connection runs one reader at a time.
        var (summary, version) = select.Rows(row => (Read(row), row.GetString(5))).FirstOrDefault();
        if (summary is null) throw DeskProblem.NotFound($"article {id}");
        return (summary, cache.Get(options.Database, id, version, () => DossierJson(id)));
    }

    private string DossierJson(long id)
    {
        using var select = db.Command("SELECT json FROM dossiers WHERE article_id = @id");
        select.Bind("@id", id);
        return select.ExecuteScalar() as string ?? throw DeskProblem.NotFound($"dossier of article {id}");
    }

    private const string Select = """
        SELECT a.id, a.title, a.url, a.ingested_at, (SELECT count(*) FROM checks c WHERE c.article_id = a.id), a.content_hash FROM articles a
        """;

    private static ArticleSummary Read(System.Data.Common.DbDataReader row) =>
        new(row.GetInt64(0), row.Text(1), row.Text(2), row.Time(3)!.Value, row.Int(4));
}
