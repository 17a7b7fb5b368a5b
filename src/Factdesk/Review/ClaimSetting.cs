using System.Text.RegularExpressions;
using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Review;

/// <summary>
/// When and where a checked statement was made, as the article tells it around the quote: "stated on March 9 in a
/// video on Twitter", "said at a rally in Ohio", "Zhao’s remarks were posted March 9 in a video on Twitter. He said, “...”".
/// Only the sentence holding the quote and the one before it are read: further away a date or venue is the story's.
/// </summary>
internal static partial class ClaimSetting
{
    public static (string? Date, string? Where) Around(Document document, Quote quote)
    {
        var sentence = document.Sentences.SentenceAt(quote.Start);
        var from = sentence?.Start ?? quote.Start;
        var previous = sentence is null ? null : document.Sentences.LastOrDefault(s => s.End <= sentence.Start);
        var widened = previous is not null && !document.Text.AsSpan(previous.End, from - previous.End).Contains("\n\n", StringComparison.Ordinal)
            ? previous.Start
            : from;
        var date = Date(document, from, quote.Start) ?? Date(document, widened, from);
        var where = Venue(document.Text[from..quote.Start]) ?? Venue(document.Text[widened..from]);
        return (date, where);
    }

    private static string? Date(Document document, int start, int end) =>
        document.Entities.Within(start, end).FirstOrDefault(e => e.Type == EntityType.Date)?.Text;

    private static string? Venue(string region)
    {
        var match = VenuePattern().Match(region);
        if (!match.Success) return null;
        var venue = match.Groups["venue"].Value.Trim().TrimEnd(',', ':', '.');
        return Words.Count(venue, 0, venue.Length) >= 1 ? venue : null;
    }

    // A medium ("in a video on Twitter", "during a press conference", "in an interview with RT"), a platform
    // ("on Telegram") or a named occasion or place ("At Prime Minister's Questions", "at Hmeimim").
    [GeneratedRegex(
        @"\b(?:in|during|at|on|via)\s+(?<venue>(?:(?:a|an|the|his|her|their|its)\s+)(?:[\w’'-]+\s+){0,3}?(?:interview|video|post|tweet|speech|statement|briefing|press conference|news conference|debate|broadcast|article|op-ed|column|podcast|rally|hearing|meeting|session|message|letter|address|show|programme|program|talk show|livestream|thread|episode)(?:\s+(?:on|with|to|at|in)\s+(?:the\s+)?\p{Lu}[\w.’'-]*(?:\s+\p{Lu}[\w.’'-]*){0,3})?|(?:Twitter|X|Facebook|Instagram|Telegram|TikTok|YouTube|VKontakte|Weibo|WeChat|state television|television|TV|radio))\b"
        + @"|\b[Aa]t\s+(?:the\s+)?(?<venue>\p{Lu}[\w’'-]*(?:\s+\p{Lu}[\w’'-]*){0,4})",
        RegexOptions.CultureInvariant)]
    private static partial Regex VenuePattern();
}
