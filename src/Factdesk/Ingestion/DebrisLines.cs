using System.Text.RegularExpressions;

namespace Factdesk.Ingestion;

/// <summary>
/// Whole lines that scrapers carry over from page chrome (navigation, sharing, cookie banners,
/// newsletter boxes). A line is debris only when the entire line matches, so article sentences
/// that merely mention these words are never touched.
/// </summary>
internal static partial class DebrisLines
{
    // Longer lines are prose; checking them against the patterns would only cost time.
    private const int MaxDebrisLength = 300;

    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "accessibility links", "breaking news", "skip to main content", "skip to content", "skip to navigation",
        "toggle navigation", "main menu", "menu", "search", "close", "back to top", "sign in", "log in",
        "share", "share this", "share this article", "share this story", "share this page", "copy link",
        "tweet", "email", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
        "print", "print this page", "print article",
        "related", "related articles", "related stories", "related content", "related posts", "related links",
        "read more", "read next", "more stories", "most read", "most popular",
        "subscribe", "subscribe now", "advertisement", "sponsored", "sponsored content",
        "accept", "accept all", "accept cookies", "accept all cookies", "reject all", "reject cookies",
        "manage cookies", "cookie settings", "cookie preferences", "cookie policy", "got it",
        "previous", "next", "previous article", "next article",
    };

    // Source-generated rather than NonBacktracking: building a NonBacktracking automaton costs over
    // 100 ms at start-up, which is most of a cold CLI run. These patterns are anchored, have only bounded
    // quantifiers and never nest them, and only see lines up to MaxDebrisLength, so backtracking stays linear.
    [GeneratedRegex("""
        ^(?:
          comments?\s*\(?\d+\)?
        | \d+\s+comments?
        | get\ .{1,60}\ in\ your\ inbox\.?
        | subscribe\ (to|for)\ .{1,60}
        | sign\ up\ (for|to)\ .{0,60}newsletters?.{0,40}
        | (share|follow\ us)(\ on|\ via)?\ (facebook|twitter|x|whatsapp|telegram|linkedin|email|instagram).{0,40}
        | (we|this\ (web)?site|our\ (web)?site)\ uses?\ cookies.{0,300}
        | by\ (continuing|using).{0,100}cookies.{0,200}
        | advertisement.{0,20}
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, 1000)]
    private static partial Regex Patterns();

    /// <summary>True when <paramref name="trimmedLine"/> (already trimmed) is page chrome, not article text.</summary>
    public static bool IsDebris(string trimmedLine)
    {
        if (trimmedLine.Length == 0 || trimmedLine.Length > MaxDebrisLength)
            return false;
        if (Exact.Contains(trimmedLine))
            return true;
        return Patterns().IsMatch(trimmedLine);
    }
}
