using System.Globalization;
using System.Text;
using static Factdesk.Web.Pages.Markup;

namespace Factdesk.Web.Articles;

/// <summary>
/// The article's text with its quotes, entities and check-worthy claims marked. Spans overlap freely (a quote
/// inside a claim, a name inside a quote), so the text is cut at every span edge and each piece carries the marks
/// of all spans over it; every piece of text is encoded, so the article cannot add markup of its own.
/// </summary>
public static class DossierText
{
    public static string Render(Dossier dossier)
    {
        var text = dossier.Text;
        var edges = new SortedSet<int> { 0, text.Length };
        foreach (var q in dossier.Quotes) { edges.Add(q.Start); edges.Add(q.End); }
        foreach (var e in dossier.Entities) { edges.Add(e.Start); edges.Add(e.End); }
        foreach (var c in dossier.Claims) { edges.Add(c.Start); edges.Add(c.End); }
        var cuts = edges.ToList();
        var html = new StringBuilder("<div class=\"article-text\">");
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            int start = cuts[i], end = cuts[i + 1];
            var quoteIndex = dossier.Quotes.ToList().FindIndex(q => q.Start <= start && end <= q.End);
            var entity = dossier.Entities.FirstOrDefault(e => e.Start <= start && end <= e.End);
            var claim = dossier.Claims.FirstOrDefault(c => c.Start <= start && end <= c.End);
            if (quoteIndex >= 0 && dossier.Quotes[quoteIndex].Start == start)
                html.Append(SpeakerLabel(dossier.Quotes[quoteIndex], quoteIndex));
            var piece = E(text[start..end]);
            if (quoteIndex < 0 && entity is null && claim is null)
            {
                html.Append(piece);
                continue;
            }
            var classes = new List<string>();
            var attributes = new StringBuilder();
            if (quoteIndex >= 0)
            {
                classes.Add("quote");
                attributes.Append(CultureInfo.InvariantCulture, $" data-quote=\"{quoteIndex}\"");
            }
            if (claim is not null)
            {
                classes.Add("claim");
                if (claim.Start == start) attributes.Append(CultureInfo.InvariantCulture, $" id=\"claim-{claim.Index}\"");
            }
            if (entity is not null)
            {
                classes.Add("entity");
                classes.Add(Slug(entity.Type));
                attributes.Append($" title=\"{E(entity.Type)}: {E(entity.Canonical)}\"");
            }
            var tag = quoteIndex >= 0 ? "mark" : "span";
            html.Append($"<{tag} class=\"{string.Join(' ', classes)}\"{attributes}>{piece}</{tag}>");
        }
        return html.Append("</div>").ToString();
    }

    private static string SpeakerLabel(DossierQuote quote, int index)
    {
        var label = quote.Speaker is { Label.Length: > 0 } speaker ? speaker.Label : "speaker unknown";
        return $"<span class=\"speaker\" data-quote=\"{index}\">{E(label)}</span>";
    }

    /// <summary>Entity types are words the pipeline writes ("PERSON", "ORG"); anything else becomes "other".</summary>
    private static string Slug(string type) =>
        type.ToLowerInvariant() is var slug && slug.All(char.IsAsciiLetterLower) && slug.Length is > 0 and < 20 ? slug : "other";
}
