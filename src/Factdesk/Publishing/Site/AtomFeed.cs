using System.Xml;

namespace Factdesk.Publishing.Site;

/// <summary>
/// feed.xml: the newest fact-checks as Atom. Links are relative to the feed, which Atom allows, because the site does
/// not know the address it will be served from; ids are the publisher's URL, else a tag URI of the stored id.
/// </summary>
internal static class AtomFeed
{
    public const int Size = 50;

    public static void Write(IReadOnlyList<SiteEntry> entries, Stream target, DateTimeOffset now)
    {
        const string Atom = "http://www.w3.org/2005/Atom";
        var newest = FactCheckList.NewestFirst(entries).Take(Size).ToList();
        using var xml = XmlWriter.Create(target, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Atom);
        xml.WriteElementString("title", Atom, $"{Html.SiteName}: newest");
        xml.WriteElementString("id", Atom, "tag:factdesk.invalid,2026:feed");
        xml.WriteElementString("updated", Atom, Stamp(newest.Count > 0 ? newest.Max(e => e.Updated) : now));
        Link(xml, "index.html", "alternate");
        Link(xml, "feed.xml", "self");
        xml.WriteStartElement("generator", Atom);
        xml.WriteString("Factdesk");
        xml.WriteEndElement();
        foreach (var entry in newest)
        {
            xml.WriteStartElement("entry", Atom);
            xml.WriteElementString("title", Atom, entry.Headline);
            xml.WriteElementString("id", Atom, SiteLinks.SafeExternal(entry.Fact.Url) ?? $"tag:factdesk.invalid,2026:check-{entry.Id}");
            xml.WriteElementString("updated", Atom, Stamp(entry.Updated));
            Link(xml, entry.PagePath, "alternate");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, entry.Fact.Publisher ?? "Unknown publisher");
            xml.WriteEndElement();
            var verdict = entry.Label?.Name ?? entry.Fact.Verdict ?? "Not rated";
            var who = entry.Claimant is { } c ? $"{c}: " : "";
            xml.WriteElementString("summary", Atom, $"{verdict}. {who}“{entry.Fact.Claim}”");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset time) => XmlConvert.ToString(time.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ssZ");
}
