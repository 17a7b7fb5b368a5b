using Factdesk.Web.Data;

namespace Factdesk.Web.Articles;

public sealed record ArticleSummary(long Id, string? Title, string? Url, DateTimeOffset IngestedAt, int Checks);

/// <summary>The newest articles with how many checks each has, for the desk's front page and the API.</summary>
public sealed class ArticleList(DeskDatabase db)
{
    public IReadOnlyList<ArticleSummary> Newest(int limit = 100)
    {
        using var select = db.Command("""
            SELECT a.id, a.title, a.url, a.ingested_at, (SELECT count(*) FROM checks c WHERE c.article_id = a.id)
            FROM articles a ORDER BY a.id DESC LIMIT $limit
            """);
        select.Bind("$limit", limit);
        return select.Rows(row => new ArticleSummary(row.GetInt64(0), row.Text(1), row.Text(2), row.Time(3)!.Value, row.GetInt32(4)));
    }

    public (ArticleSummary Summary, Dossier Dossier) Get(long id)
    {
        using var select = db.Command("""
            SELECT a.id, a.title, a.url, a.ingested_at, (SELECT count(*) FROM checks c WHERE c.article_id = a.id), d.json
            FROM articles a JOIN dossiers d ON d.article_id = a.id WHERE a.id = $id
            """);
        select.Bind("$id", id);
        using var row = select.ExecuteReader();
        if (!row.Read()) throw DeskProblem.NotFound($"article {id}");
        return (new ArticleSummary(row.GetInt64(0), row.Text(1), row.Text(2), row.Time(3)!.Value, row.GetInt32(4)), Dossier.Parse(row.GetString(5)));
    }

    public string DossierJson(long id)
    {
        using var select = db.Command("SELECT json FROM dossiers WHERE article_id = $id");
        select.Bind("$id", id);
        return select.ExecuteScalar() as string ?? throw DeskProblem.NotFound($"article {id}");
    }
}
