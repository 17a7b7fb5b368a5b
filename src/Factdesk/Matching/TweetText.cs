using System.Text.RegularExpressions;

namespace Factdesk.Matching;

/// <summary>
/// A query as pasted from Twitter: the body, and the embed trailer "— Name (@handle) Month d, yyyy" split off, links
/// dropped. The reranker compares the body alone and the author with each fact-check, since a claim about a person
/// often names the person who tweeted it.
/// </summary>
public sealed partial record TweetText(string Body, string? Author, string? Handle)
{
    public static TweetText Parse(string text)
    {
        var body = text;
        string? author = null, handle = null;
        if (Trailer().Match(text) is { Success: true } trailer)
        {
            body = text[..trailer.Index];
            author = trailer.Groups["name"].Value.Trim();
            handle = trailer.Groups["handle"].Value;
        }
        body = Link().Replace(body, " ");
        body = Spaces().Replace(body, " ").Trim();
        return new TweetText(body.Length == 0 ? text.Trim() : body, string.IsNullOrEmpty(author) ? null : author, handle);
    }

    /// <summary>
    /// The body's sentences of three words or more (at most <paramref name="limit"/>): a tweet often wraps the checked
    /// claim in comment, and one sentence of it can sit closer to the fact-check than the whole.
    /// </summary>
    public IReadOnlyList<string> Sentences(int limit = 6) =>
        SentenceEnd().Split(Body).Select(x => x.Trim()).Where(x => x.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3).Take(limit).ToList();

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*[—–-]{1,2}\s*(?<name>[^—–()\n]{0,80}?)\s*\(@(?<handle>\w{1,30})\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")]
    private static partial Regex Trailer();

    [GeneratedRegex(@"(https?://\S+|pic\.twitter\.com/\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
