using System.Text.RegularExpressions;

namespace Factdesk.Ingestion;

/// <summary>
/// Removes the Markdown markup that would otherwise show up in sentences (heading marks, emphasis,
/// link and image syntax). It is deliberately minimal: lists, tables and code stay as written.
/// </summary>
internal static partial class MarkdownText
{
    public static string Strip(string markdown)
    {
        var text = Image().Replace(markdown, "");
        text = Link().Replace(text, "$1");
        text = ReferenceDefinition().Replace(text, "");
        text = Heading().Replace(text, "$1");
        text = BlockQuote().Replace(text, "");
        text = StrongOrEmphasis().Replace(text, "$2");
        return text;
    }

    [GeneratedRegex(@"!\[[^\]\n]*\]\([^)\n]*\)")]
    private static partial Regex Image();

    // [text](url) and [text][ref] both become the text.
    [GeneratedRegex(@"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}>[ \t]?", RegexOptions.Multiline)]
    private static partial Regex BlockQuote();

    // Underscores count only at word edges, so snake_case names survive.
    [GeneratedRegex(@"(\*\*|__|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")]
    private static partial Regex StrongOrEmphasis();
}
