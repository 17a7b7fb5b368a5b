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
        // One sweep from left to right: at each edge the spans starting there join their kind's open set and those
        // ending there leave it, so a 10,000-word article with thousands of spans costs one pass, not one scan of
        // every span per piece of text. Of several open spans of a kind, the first in the dossier marks the piece.
        var starts = new Dictionary<int, List<(int Kind, int Index)>>();
        var ends = new Dictionary<int, List<(int Kind, int Index)>>();
        var edges = new SortedSet<int> { 0, text.Length };
        void Add(int kind, int index, int start, int end)
        {
            edges.Add(start);
            edges.Add(end);
            if (start >= end) return;
            (starts.TryGetValue(start, out var s) ? s : starts[start] = []).Add((kind, index));
            (ends.TryGetValue(end, out var e) ? e : ends[end] = []).Add((kind, index));
        }
        for (var i = 0; i < dossier.Quotes.Count; i++) Add(Quote, i, dossier.Quotes[i].Start, dossier.Quotes[i].End);
        for (var i = 0; i < dossier.Entities.Count; i++) Add(Entity, i, dossier.Entities[i].Start, dossier.Entities[i].End);
        for (var i = 0; i < dossier.Claims.Count; i++) Add(Claim, i, dossier.Claims[i].Start, dossier.Claims[i].End);

        SortedSet<int>[] open = [new(), new(), new()];
        var html = new StringBuilder(text.Length * 4);
        html.Append("<div class=\"article-text\">");
        var cuts = edges.ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            int start = cuts[i], end = cuts[i + 1];
            if (ends.TryGetValue(start, out var ending))
                foreach (var (kind, index) in ending) open[kind].Remove(index);
            if (starts.TryGetValue(start, out var starting))
                foreach (var (kind, index) in starting) open[kind].Add(index);
            var quoteIndex = open[Quote].Count > 0 ? open[Quote].Min : -1;
            var entity = open[Entity].Count > 0 ? dossier.Entities[open[Entity].Min] : null;
            var claim = open[Claim].Count > 0 ? dossier.Claims[open[Claim].Min] : null;
            if (quoteIndex >= 0 && dossier.Quotes[quoteIndex].Start == start)
                html.Append(SpeakerLabel(dossier.Quotes[quoteIndex], quoteIndex));
            var piece = E(text[start..end]);
            if (quoteIndex < 0 && entity is null && claim is null)
            {
                html.Append(piece);
                continue;
            }
            var tag = quoteIndex >= 0 ? "mark" : "span";
            html.Append('<').Append(tag).Append(" class=\"");
            var classes = new List<string>(4);
            if (quoteIndex >= 0) classes.Add("quote");
            if (claim is not null) classes.Add("claim");
            if (entity is not null)
            {
                classes.Add("entity");
                classes.Add(Slug(entity.Type));
            }
            html.AppendJoin(' ', classes).Append('"');
            if (quoteIndex >= 0) html.Append(CultureInfo.InvariantCulture, $" data-quote=\"{quoteIndex}\"");
            if (claim is not null && claim.Start == start) html.Append(CultureInfo.InvariantCulture, $" id=\"claim-{claim.Index}\"");
            if (entity is not null) html.Append($" title=\"{E(entity.Type)}: {E(entity.Canonical)}\"");
            html.Append('>').Append(piece).Append("</").Append(tag).Append('>');
        }
        return html.Append("</div>").ToString();
    }

    private const int Quote = 0, Entity = 1, Claim = 2;

    private static string SpeakerLabel(DossierQuote quote, int index)
    {
        var label = quote.Speaker is { Label.Length: > 0 } speaker ? speaker.Label : "speaker unknown";
        return $"<span class=\"speaker\" data-quote=\"{index}\">{E(label)}</span>";
    }

    /// <summary>Entity types are words the pipeline writes ("PERSON", "ORG"); anything else becomes "other".</summary>
    private static string Slug(string type) =>
        type.ToLowerInvariant() is var slug && slug.All(char.IsAsciiLetterLower) && slug.Length is > 0 and < 20 ? slug : "other";
}
