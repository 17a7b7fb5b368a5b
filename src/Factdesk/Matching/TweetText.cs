using System.Text.RegularExpressions;

namespace Factdesk.Matching;

/// <summary>
/// A query as pasted from Twitter: the body, and the embed trailer "— Name (@handle) Month d, yyyy" split off, links
/// dropped. The reranker compares the body alone and the author with each fact-check, since a claim about a person
/// often names the person who tweeted it.
/// </summary>
public sealed partial record TweetText(string Body, string? Author, string? Handle)
{
    /// <summary>The day in the trailer, when there is one: a claim and the tweets about it are usually near in time.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The body's @handles and #hashtags without their sign, the trailer's handle included.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static TweetText Parse(string text)
    {
        var body = text;
        string? author = null, handle = null;
        DateOnly? date = null;
        if (Trailer().Match(text) is { Success: true } trailer)
        {
            body = text[..trailer.Index];
            author = trailer.Groups["name"].Value.Trim();
            handle = trailer.Groups["handle"].Value;
            if (DateOnly.TryParseExact(trailer.Groups["date"].Value.Replace(".", "", StringComparison.Ordinal), ["MMMM d, yyyy", "MMM d, yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                date = day;
        }
        body = Link().Replace(body, " ");
        var tags = Tag().Matches(body).Select(m => m.Groups["tag"].Value).ToList();
        if (handle is not null) tags.Add(handle);
        body = Spaces().Replace(body, " ").Trim();
        return new TweetText(body.Length == 0 ? text.Trim() : body, string.IsNullOrEmpty(author) ? null : author, handle) { Date = date, Tags = tags };
    }

    /// <summary>
    /// The body's sentences of three words or more (at most <paramref name="limit"/>): a tweet often wraps the checked
    /// claim in comment, and one sentence of it can sit closer to the fact-check than the whole.
    /// </summary>
    public IReadOnlyList<string> Sentences(int limit = 6) =>
        SentenceEnd().Split(Body).Select(x => x.Trim()).Where(x => x.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3).Take(limit).ToList();

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*[—–-]{1,2}\s*(?<name>[^—–()\n]{0,80}?)\s*\(@(?<handle>\w{1,30})\)\s*(?<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$")]
    private static partial Regex Trailer();

    [GeneratedRegex(@"(https?://\S+|pic\.twitter\.com/\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"[@#](?<tag>\w{2,40})")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
