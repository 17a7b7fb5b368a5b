using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Articles;

/// <summary>The dossier page's quote table and entity list: the same for every reader, so made once per analysis.</summary>
public static class DossierSidebar
{
    public static string Render(Dossier dossier)
    {
        var quotes = string.Concat(dossier.Quotes.Select(q =>
            $"<tr><td>{E(q.Speaker?.Name ?? "unknown")}</td><td>{E(string.Join(", ", new[] { q.Speaker?.Title, q.Speaker?.Organization }.Where(s => s is not null)))}</td><td><a href=\"#text\">{E(Shorten(q.Text))}</a></td></tr>\n"));
        var entities = string.Concat(dossier.Entities.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            $"<dt>{E(g.Key)}</dt><dd>{E(string.Join(", ", g.Select(e => e.Canonical).Distinct(StringComparer.Ordinal)))}</dd>\n"));
        return $"""
            <section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2>
            {(quotes.Length == 0 ? "<p>None found.</p>" : $"<table><thead><tr><th>Speaker</th><th>Title</th><th>Said</th></tr></thead><tbody>\n{quotes}</tbody></table>")}
            </section>
            <section aria-labelledby="entities"><h2 id="entities">Entities</h2>
            <dl>{entities}</dl>
            </section>
            """;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
