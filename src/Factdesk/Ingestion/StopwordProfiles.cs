using System.Reflection;

namespace Factdesk.Ingestion;

/// <summary>Function-word lists per language, read once from the embedded Stopwords.tsv.</summary>
internal sealed class StopwordProfiles
{
    // Enough words to be a sentence or two; fewer give coin-flip answers.
    private const int MinWords = 8;
    // Looking further into a long article only costs time: its language does not change.
    private const int MaxChars = 20_000;

    private static readonly Lazy<StopwordProfiles> Shared = new(Load);

    private readonly string[] _languages;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _masks;
    private readonly int _russian;
    private readonly int _ukrainian;

    private StopwordProfiles(string[] languages, Dictionary<string, int> masks)
    {
        _languages = languages;
        _masks = masks.GetAlternateLookup<ReadOnlySpan<char>>();
        _russian = Array.IndexOf(languages, "ru");
        _ukrainian = Array.IndexOf(languages, "uk");
    }

    public static StopwordProfiles Instance => Shared.Value;

    public string? Guess(string text)
    {
        var scores = new int[_languages.Length];
        var words = 0;
        Span<char> lower = stackalloc char[32];
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        for (var i = 0; i < span.Length;)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < span.Length && char.IsLetter(span[i]))
                i++;
            var word = span[start..i];
            words++;
            if (word.Length > lower.Length)
                continue;
            var length = word.ToLowerInvariant(lower);
            Score(lower[..length], scores);
        }
        return words < MinWords ? null : Best(scores, words);
    }

    private void Score(ReadOnlySpan<char> word, int[] scores)
    {
        if (_masks.TryGetValue(word, out var mask))
        {
            for (var language = 0; language < scores.Length; language++)
            {
                if ((mask & (1 << language)) != 0)
                    scores[language]++;
            }
        }
        // Russian and Ukrainian share many short words; these letters belong to one of them only.
        if (word.IndexOfAny("ыэъё") >= 0 && _russian >= 0)
            scores[_russian]++;
        if (word.IndexOfAny("іїєґ") >= 0 && _ukrainian >= 0)
            scores[_ukrainian]++;
    }

    private string? Best(int[] scores, int words)
    {
        int best = -1, bestScore = 0, runnerUp = 0;
        for (var language = 0; language < scores.Length; language++)
        {
            if (scores[language] > bestScore)
            {
                runnerUp = bestScore;
                bestScore = scores[language];
                best = language;
            }
            else if (scores[language] > runnerUp)
            {
                runnerUp = scores[language];
            }
        }
        // Function words make up a large share of any real text in the language, and the winner must
        // lead clearly: otherwise the text is mixed or in a language we have no list for.
        var clear = bestScore >= 3 && bestScore * 8 >= words && bestScore * 4 >= runnerUp * 5;
        return best >= 0 && clear ? _languages[best] : null;
    }

    private static StopwordProfiles Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Factdesk.Ingestion.Stopwords.tsv")
            ?? throw new InvalidOperationException("Stopwords.tsv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var languages = new List<string>();
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var (code, words) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            var bit = 1 << languages.Count;
            languages.Add(code);
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                masks[word] = masks.GetValueOrDefault(word) | bit;
        }
        return new StopwordProfiles([.. languages], masks);
    }
}
