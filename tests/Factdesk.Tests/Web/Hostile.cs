namespace Factdesk.Tests.Web;

/// <summary>Text written to break a page that forgets to encode: script tags, event handlers, attribute breakouts.</summary>
internal static class Hostile
{
    public const string Script = "<script>alert('xss')</script>";
    public const string Image = "<img src=x onerror=alert(1)>";
    public const string Breakout = "\"><svg onload=alert(2)>";

    /// <summary>A short article whose quote, speaker and claim all carry the payloads; <paramref name="tag"/> keeps each copy distinct.</summary>
    public static string Article(string tag) =>
        $"Payloads {tag}\n\n" +
        $"The mayor {Script} said: \"{Image} The city spent 40 million dollars on the bridge in 2023.\"\n\n" +
        $"Officials said unemployment rose by 12 percent last year {Breakout}, according to the national statistics office.\n";

    /// <summary>None of the payloads survives as markup in <paramref name="html"/>.</summary>
    public static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<svg", html);
    }
}
