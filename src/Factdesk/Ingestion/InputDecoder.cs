using System.Text;
using System.Text.RegularExpressions;

namespace Factdesk.Ingestion;

/// <summary>Turns raw input bytes into a string, refusing binary data and text in an unknown encoding.</summary>
internal static partial class InputDecoder
{
    private const int SniffBytes = 64 * 1024;
    private const int HeadBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static (string Text, InputFormat Format) Decode(ReadOnlySpan<byte> bytes, string name, InputFormat? format)
    {
        if (bytes.IsEmpty)
            throw new InputException(name, "is empty");
        var (bomEncoding, bomLength) = ByteOrderMark(bytes);
        var body = bytes[bomLength..];
        if (bomEncoding is UnicodeEncoding)
        {
            // UTF-16 is full of NUL bytes by nature, so judge it by its characters instead.
            var wide = bomEncoding.GetString(body);
            ThrowIfBinary(wide.AsSpan(0, Math.Min(wide.Length, SniffBytes / 2)), name);
            return (wide, format ?? InputFormats.Sniff(wide[..Math.Min(wide.Length, HeadBytes)]));
        }
        ThrowIfBinary(body[..Math.Min(body.Length, SniffBytes)], name);
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, HeadBytes)]);
        var actual = format ?? InputFormats.Sniff(head);
        var encoding = bomEncoding ?? (actual == InputFormat.Html ? DeclaredEncoding(head) : null) ?? StrictUtf8;
        return (Decode(body, encoding, name), actual);
    }

    private static (Encoding? Encoding, int Length) ByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false, true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false, true), 2),
        _ => (null, 0),
    };

    private static string Decode(ReadOnlySpan<byte> body, Encoding encoding, string name)
    {
        try
        {
            return encoding.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException(name,
                $"is not valid UTF-8 (byte offset {e.Index}); save it as UTF-8 or use an HTML file that declares its charset");
        }
    }

    private static void ThrowIfBinary(ReadOnlySpan<byte> sample, string name)
    {
        if (sample.Contains((byte)0) || CountControls(sample) * 10 > sample.Length)
            throw new InputException(name, "looks like binary data, not text or HTML");
    }

    private static void ThrowIfBinary(ReadOnlySpan<char> sample, string name)
    {
        var controls = 0;
        foreach (var c in sample)
        {
            if (IsControl(c))
                controls++;
        }
        if (sample.Contains('\0') || controls * 10 > sample.Length)
            throw new InputException(name, "looks like binary data, not text or HTML");
    }

    private static int CountControls(ReadOnlySpan<byte> sample)
    {
        var count = 0;
        foreach (var b in sample)
        {
            if (IsControl((char)b))
                count++;
        }
        return count;
    }

    // Tab, line feed, vertical tab, form feed, carriage return and escape turn up in real text files.
    private static bool IsControl(char c) => c is < '\t' or (> '\r' and < ' ' and not '\u001B') or '\u007F';

    /// <summary>The encoding a page declares in a meta tag, or null when it declares none we can use.</summary>
    private static Encoding? DeclaredEncoding(string head)
    {
        var match = MetaCharset().Match(head);
        if (!match.Success)
            return null;
        var label = match.Groups[1].Value.ToLowerInvariant();
        return label switch
        {
            // A page whose bytes we could read as ASCII to find this tag cannot really be UTF-16.
            "utf-8" or "utf8" or "utf-16" or "utf-16le" or "utf-16be" => StrictUtf8,
            // Browsers read these labels as windows-1252, and so do the pages that use them.
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" => CodePages.Get("windows-1252"),
            _ => CodePages.Get(label),
        };
    }

    [GeneratedRegex("""<meta\b[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
