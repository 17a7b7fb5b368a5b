using Lingua;

namespace Factdesk.Ingestion;

/// <summary>
/// Russian, Ukrainian or Belarusian for a Cyrillic text too short for function words to decide: a headline, a
/// Telegram post, a one-line claim. Which of the three a disinformation message is written in matters to the
/// fact-checkers Factdesk is for, and the letters and letter triples that set them apart are what Lingua's
/// n-gram models know. Lingua is not used on Latin script: in the low-accuracy mode that loads fast enough
/// for a command line (a quarter of a second instead of 10 s and 500 MB), it called "Vaccines cause autism"
/// Spanish and "False" German, where saying nothing is better.
/// </summary>
internal static class ShortTextLanguage
{
    private static readonly Lazy<LanguageDetector?> Detector = new(Build);

    /// <summary>Where the build copies the models (see Factdesk.csproj).</summary>
    internal static string ModelsDirectory => Path.Combine(AppContext.BaseDirectory, "LanguageModels");

    /// <summary>ru, uk or be for mostly Cyrillic text; null otherwise, when Lingua is unsure, or when its models are not deployed.</summary>
    public static string? Detect(string text)
    {
        if (!MostlyCyrillic(text) || Detector.Value is not { } detector) return null;
        var language = detector.DetectLanguageOf(text);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    private static bool MostlyCyrillic(string text)
    {
        int letters = 0, cyrillic = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
        }
        return letters > 0 && cyrillic * 2 > letters;
    }

    private static LanguageDetector? Build()
    {
        // A host that copied the library without its model folder still reads articles; it only loses this fallback.
        if (!Directory.Exists(ModelsDirectory)) return null;
        return LanguageDetectorBuilder.FromLanguages(Language.Russian, Language.Ukrainian, Language.Belarusian)
            .WithLanguageModelsDirectory(ModelsDirectory)
            .WithLowAccuracyMode()
            .Build();
    }
}
