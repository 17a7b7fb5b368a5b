namespace Factdesk.Claims;

/// <summary>The check-worthiness data set formats `factdesk eval checkworthy --format` reads.</summary>
public static class CheckWorthyFormats
{
    public const string ClaimBuster = "claimbuster";
    public const string Clef2019 = "clef2019";
    public const string Clef2020Tweets = "clef2020-tweets";

    public static readonly string[] All = [ClaimBuster, Clef2019, Clef2020Tweets];

    public static IReadOnlyList<LabelledSentence> Read(string format, string path) => format switch
    {
        ClaimBuster => ClaimBusterReader.Read(path),
        Clef2019 => Clef2019Reader.Read(path),
        Clef2020Tweets => Clef2020TweetsReader.Read(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown check-worthiness format"),
    };

    /// <summary>Whether the format is a set of rankings (debates, topics) rather than independent sentences.</summary>
    public static bool IsRanked(string format) => format != ClaimBuster;
}
