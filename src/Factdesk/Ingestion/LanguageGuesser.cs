namespace Factdesk.Ingestion;

/// <summary>
/// Guesses the language of a text from how often each language's function words occur.
/// Fast and dependency-free; <see cref="Guess"/> is the one entry point, so a statistical
/// detector can replace it later without touching callers.
/// </summary>
public static class LanguageGuesser
{
    /// <summary>An ISO 639-1 code (en, ru, uk, de, fr, es, it, pt, ar), or null when the text is too short or unclear.</summary>
    public static string? Guess(string text) => StopwordProfiles.Instance.Guess(text);
}
