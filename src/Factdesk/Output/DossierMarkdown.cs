using System.Text;
using Factdesk.Documents;

namespace Factdesk.Output;

/// <summary>A Markdown report of a <see cref="Document"/> for people: review first, then the evidence behind it.</summary>
public static class DossierMarkdown
{
    public static string Render(Document document)
    {
        var md = new StringBuilder();
        var source = document.Source;
        md.Append("# ").AppendLine(Inline(source.Title ?? source.Path ?? "Untitled article")).AppendLine();
        md.AppendLine(SourceLine(source)).AppendLine();

        AppendReview(md, document.Review);
        AppendQuotes(md, document.Quotes);
        AppendClaims(md, document.Claims);
        AppendEntities(md, document.Entities);
        return md.ToString();
    }

    private static string SourceLine(SourceInfo source)
    {
        var parts = new List<string>();
        if (source.Site is not null)
            parts.Add(Inline(source.Site));
        if (source.Url is not null)
            parts.Add($"<{source.Url}>");
        if (source.Published is not null)
            parts.Add("published " + Phrasing.Date(source.Published));
        if (source.Language is not null)
            parts.Add("language " + Inline(source.Language));
        if (source.Path is not null)
            parts.Add($"file `{source.Path.Replace("`", "'")}`");
        return "**Source:** " + (parts.Count == 0 ? "unknown" : string.Join(" · ", parts));
    }

    private static void AppendReview(StringBuilder md, ReviewInfo? review)
    {
        if (!StartSection(md, "Review", review is null ? 0 : 1, "The article does not review a claim.") || review is null)
            return;
        md.Append("- **Claim:** ").AppendLine(Inline(review.Claim.Text));
        md.Append("- **Claimant:** ").AppendLine(Inline(Phrasing.SpeakerWithRole(review.Claim.Claimant)));
        if (review.Claim.Date is not null)
            md.Append("- **Date:** ").AppendLine(Inline(review.Claim.Date));
        if (review.Claim.Where is not null)
            md.Append("- **Where:** ").AppendLine(Inline(review.Claim.Where));
        md.Append("- **Verdict:** ").AppendLine(Inline(Phrasing.Verdict(review.Verdict))).AppendLine();

        if (review.Sources.Count == 0)
            return;
        md.AppendLine("| Source | Title | Stance | Quote |").AppendLine("|---|---|---|---|");
        foreach (var s in review.Sources)
            AppendRow(md, Phrasing.SpeakerName(s.Speaker), Phrasing.SpeakerRole(s.Speaker), Phrasing.Stance(s.Stance), s.Quote);
        md.AppendLine();
    }

    private static void AppendQuotes(StringBuilder md, IReadOnlyList<Quote> quotes)
    {
        if (!StartSection(md, "Quotes", quotes.Count, "No quotes found."))
            return;
        md.AppendLine("| Speaker | Title | Kind | Quote |").AppendLine("|---|---|---|---|");
        foreach (var q in quotes)
            AppendRow(md, Phrasing.SpeakerName(q.Speaker), Phrasing.SpeakerRole(q.Speaker), Phrasing.QuoteKind(q.Kind), q.Text);
        md.AppendLine();
    }

    private static void AppendClaims(StringBuilder md, IReadOnlyList<Claim> claims)
    {
        if (!StartSection(md, "Claims", claims.Count, "No check-worthy claims found."))
            return;
        var number = 0;
        foreach (var c in claims)
        {
            md.Append(++number).Append(". ").Append(Inline(c.Text))
              .Append(" — score ").Append(Phrasing.Score(c.Score));
            if (c.Claimant is not null)
                md.Append(", claimed by ").Append(Inline(Phrasing.SpeakerWithRole(c.Claimant)));
            md.AppendLine();
        }
        md.AppendLine();
    }

    private static void AppendEntities(StringBuilder md, IReadOnlyList<Entity> entities)
    {
        var groups = EntityGroup.From(entities);
        if (!StartSection(md, "Entities", groups.Count, "No entities found."))
            return;
        foreach (var g in groups)
        {
            md.Append("- **").Append(Inline(g.Canonical)).Append("** (").Append(Phrasing.EntityType(g.Type))
              .Append(", ").Append(g.Count).Append(g.Count == 1 ? " mention" : " mentions").Append("): ")
              .AppendLine(string.Join(", ", g.Mentions.Select(m => "“" + Inline(m) + "”")));
        }
    }

    /// <summary>Writes the heading, or the heading and a note when there is nothing to list; true when items follow.</summary>
    private static bool StartSection(StringBuilder md, string title, int count, string emptyNote)
    {
        md.Append("## ").AppendLine(title).AppendLine();
        if (count == 0)
            md.Append('_').Append(emptyNote).AppendLine("_").AppendLine();
        return count > 0;
    }

    private static void AppendRow(StringBuilder md, params string[] cells) =>
        md.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).AppendLine(" |");

    /// <summary>A table cell must stay on one line, and a bare pipe would start a new column.</summary>
    internal static string Cell(string text) => Inline(text).Replace("|", "\\|");

    /// <summary>Article text is flowed into list items and headings, where a line break would end the element.</summary>
    private static string Inline(string text) => text.ReplaceLineEndings(" ").Trim();
}
