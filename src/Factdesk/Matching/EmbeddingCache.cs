using System.Security.Cryptography;
using System.Text;

namespace Factdesk.Matching;

/// <summary>
/// Vectors of a fixed list of texts kept on disk (~/.cache/factdesk/embeddings), keyed by a hash of the texts,
/// so that repeated evaluations over the same fact-check collection encode it once.
/// </summary>
public static class EmbeddingCache
{
    public static float[][] EncodeCached(SentenceEncoder encoder, IReadOnlyList<string> texts)
    {
        var path = PathFor(encoder.ModelKey, texts);
        if (path is not null && File.Exists(path) && Read(path, texts.Count) is { } cached) return cached;
        var vectors = encoder.Encode(texts);
        if (path is not null)
            UserCache.TryWrite(path, stream =>
            {
                using var writer = new BinaryWriter(stream);
                foreach (var v in vectors) foreach (var x in v) writer.Write(x);
            });
        return vectors;
    }

    private static float[][]? Read(string path, int count)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != count * SentenceEncoder.Dimensions * sizeof(float)) return null;
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new float[SentenceEncoder.Dimensions];
            Buffer.BlockCopy(bytes, i * SentenceEncoder.Dimensions * sizeof(float), vectors[i], 0, SentenceEncoder.Dimensions * sizeof(float));
        }
        return vectors;
    }

    private static string? PathFor(string modelKey, IReadOnlyList<string> texts)
    {
        if (UserCache.Folder("embeddings") is not { } folder) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(modelKey + "\n"));
        foreach (var t in texts) hash.AppendData(Encoding.UTF8.GetBytes(t + "\n\u0001"));
        return Path.Combine(folder, Convert.ToHexString(hash.GetHashAndReset())[..32] + ".f32");
    }
}
