using System.Buffers.Binary;
using System.IO.Compression;

namespace Factdesk.Ingestion;

/// <summary>Decompresses a .gz input, refusing one that is cut short or corrupt instead of reading half an article.</summary>
internal static class Gunzip
{
    public static byte[] Read(Stream compressed, string name, long maxBytes)
    {
        var zipped = BoundedReader.ReadAll(compressed, name, maxBytes);
        byte[] bytes;
        try
        {
            using var unzip = new GZipStream(new MemoryStream(zipped.Array!, zipped.Offset, zipped.Count), CompressionMode.Decompress);
            bytes = BoundedReader.ReadAll(unzip, name, maxBytes).ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InputException(name, $"is not a valid gzip file ({e.Message.TrimEnd('.')})");
        }
        // GZipStream simply stops at the end of a truncated file. The last four bytes of a gzip file hold the
        // uncompressed length (mod 2^32); a cut-off file ends with some other bytes, which almost never agree.
        // (A file of several concatenated gzip members records only the last one's length: rare for web pages.)
        if (zipped.Count < 18 || BinaryPrimitives.ReadUInt32LittleEndian(zipped.AsSpan(zipped.Count - 4)) != (uint)bytes.LongLength)
            throw new InputException(name, "is a truncated or corrupt gzip file");
        return bytes;
    }
}
