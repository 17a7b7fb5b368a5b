using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Factdesk.Ingestion.Batch;

/// <summary>The articles in an RSS or Atom feed file: each item's content (or description), title, link and date.</summary>
internal static class FeedItems
{
    public static IEnumerable<InputItem> Read(string xml, string name)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(xml);
        }
        // The reader throws its own types, XML and format errors alike for a broken file; any of them means "not a feed".
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [InputItem.Failed(name, $"is not a readable RSS or Atom feed ({OneLine(e.Message)})")];
        }
        if (feed.Items.Count == 0)
            return [InputItem.Failed(name, "is a feed with no items")];
        var site = Blank(feed.Title);
        return feed.Items.Select((item, i) => Item(item, $"{name} item {i + 1}", site));
    }

    private static InputItem Item(FeedItem item, string name, string? site) => new(name, InputItem.WebUrl(item.Link), () =>
    {
        var content = Blank(item.Content) ?? Blank(item.Description)
            ?? throw new InputException(name, "has neither content nor a description");
        var document = ArticleLoader.FromString(content, name, LooksLikeHtml(content));
        var source = document.Source with
        {
            Url = document.Source.Url ?? InputItem.WebUrl(item.Link),
            Title = Blank(item.Title) ?? document.Source.Title,
            Site = site ?? document.Source.Site,
            Published = Published(item) ?? document.Source.Published,
            Authors = Author(item) is { } author ? [author] : document.Source.Authors,
        };
        return InputItem.WithSource(document, source);
    });

    // Atom entries often carry only <updated>, which the reader does not count as a publishing date.
    private static DateTimeOffset? Published(FeedItem item) =>
        item.PublishingDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc))
        : item.SpecificItem is AtomFeedItem { UpdatedDate: { } updated } ? new DateTimeOffset(DateTime.SpecifyKind(updated, DateTimeKind.Utc))
        : null;

    // Feed descriptions are HTML fragments as often as plain text, and fragments rarely start with a tag.
    private static bool LooksLikeHtml(string content) =>
        content.Contains("</", StringComparison.Ordinal) || content.Contains("<br", StringComparison.OrdinalIgnoreCase);

    // RSS puts the author in dc:creator more often than in <author>, which the reader's Author does not cover.
    private static string? Author(FeedItem item) =>
        Blank(item.Author) ?? (item.SpecificItem is Rss20FeedItem rss ? Blank(rss.DC?.Creator) : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
