using System.Globalization;

namespace Factdesk.Ingestion;

/// <summary>Reads a whole input into memory, but never more than a limit, so a huge file or an endless pipe fails fast.</summary>
internal static class BoundedReader
{
    private const double Megabyte = 1024 * 1024;

    public static ArraySegment<byte> ReadAll(Stream stream, string name, long maxBytes)
    {
        if (stream.CanSeek)
            CheckSize(name, stream.Length - stream.Position, maxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // Unseekable streams (pipes) have no length to check up front: stop as soon as the limit is passed.
            if (buffer.Length + read > maxBytes)
                throw new InputException(name, $"is larger than the {Limit(maxBytes)} limit");
            buffer.Write(chunk, 0, read);
        }
        return buffer.TryGetBuffer(out var bytes) ? bytes : buffer.ToArray();
    }

    public static void CheckSize(string name, long length, long maxBytes)
    {
        if (length > maxBytes)
            throw new InputException(name, $"is {Size(length)}, above the {Limit(maxBytes)} limit");
    }

    private static string Size(long bytes) =>
        bytes < Megabyte / 10
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / Megabyte:0.0} MB");

    // Limits are usually whole megabytes and read better without the decimal.
    private static string Limit(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB")
            : Size(bytes);
}
