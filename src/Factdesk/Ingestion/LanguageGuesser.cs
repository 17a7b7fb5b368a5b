namespace Factdesk.Ingestion;

/// <summary>
/// Guesses the language of a text: from how often each language's function words occur when the text is long
/// enough (fast, no model to load); a short Cyrillic text with Lingua's n-gram models (<see cref="ShortTextLanguage"/>).
/// </summary>
public static class LanguageGuesser
{
    // Below this many characters a text is a headline or a tweet, where function words are too few to count.
    private const int LongText = 200;

    /// <summary>An ISO 639-1 code (en, ru, uk, de, fr, es, it, pt, ar; be for short texts), or null when the text is empty, short and not Cyrillic, or unclear.</summary>
    public static string? Guess(string text) =>
        StopwordProfiles.Instance.Guess(text) ?? (text.Length < LongText ? ShortTextLanguage.Detect(text) : null);

    /// <summary>The function-word guess alone, for callers that guess many snippets and must never wait for a model to load.</summary>
    public static string? GuessFromFunctionWords(string text) => StopwordProfiles.Instance.Guess(text);
}
