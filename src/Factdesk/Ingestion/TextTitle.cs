namespace Factdesk.Ingestion;

/// <summary>Plain-text articles carry no metadata, but scrapers put the headline on the first line.</summary>
internal static class TextTitle
{
    private const int MaxLength = 200;

    /// <summary>The first line of <paramref name="cleanText"/> when it reads as a headline, else null.</summary>
    public static string? Find(string cleanText)
    {
        var end = cleanText.IndexOf('\n');
        if (end < 0)
            return null;
        var line = cleanText[..end].Trim();
        var headline = line.Length is > 0 and < MaxLength && line[^1] is not ('.' or ',' or ';' or ':');
        return headline && !string.IsNullOrWhiteSpace(cleanText[end..]) ? line : null;
    }
}
