using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Robustness;

/// <summary>
/// Random and mutated inputs for the parser properties, and the rules every parser must keep on them. The default
/// number of inputs per property keeps the whole set to a few seconds; FACTDESK_FUZZ_ITER=100000 is the long run.
/// </summary>
internal static class FuzzInputs
{
    /// <summary>No single input may take longer than this, however hostile: a bound, not a benchmark.</summary>
    public static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(5);

    public static long Iterations(long quick) =>
        long.TryParse(Environment.GetEnvironmentVariable("FACTDESK_FUZZ_ITER"), out var n) && n > 0 ? n : quick;

    // Characters that steer parsers into their rarer branches: markup, quotes of every style, separators, surrogates.
    private const string Tricky = "<>/=\"'&;#!-[]{}():,.?\t\n\r \u00a0\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e\u2014\u2026\ud83d\ude00\ud800\udc00\u0000\u200b\u202eAaZz09";

    /// <summary>Short strings mostly of tricky characters, with some arbitrary UTF-16 (lone surrogates included).</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[Gen.Char[Tricky], 0, 300]),
        (1, Gen.String[Gen.Char, 0, 200]),
        (2, Gen.String[Gen.OneOf(Gen.Char[Tricky], Gen.Char['a', 'z'], Gen.Char[" .\"\u201c\u201d,"]), 0, 600]));

    /// <summary>Arbitrary bytes, decoded as a reader would (invalid UTF-8 becomes U+FFFD).</summary>
    public static readonly Gen<string> Bytes = Gen.Byte.Array[0, 400].Select(b => Encoding.UTF8.GetString(b));

    /// <summary>A real input with a few random edits: cut, duplicate, delete, insert tricky text or change one char.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> seeds) =>
        Gen.Int[0, seeds.Count - 1].SelectMany(i => Mutations(seeds[i]));

    private static Gen<string> Mutations(string seed) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, Math.Max(0, seed.Length)], Gen.Int[0, Math.Max(0, seed.Length)], Gen.String[Gen.Char[Tricky], 1, 20])
            .Array[1, 6]
            .Select(edits =>
            {
                var s = seed;
                foreach (var (op, a, b, insert) in edits)
                {
                    var (from, to) = (Math.Min(a, s.Length), Math.Min(Math.Max(a, b), s.Length));
                    s = op switch
                    {
                        0 => s[..to],
                        1 => s[..to] + s[from..to] + s[to..],
                        2 => s[..from] + s[to..],
                        3 => s[..from] + insert + s[from..],
                        _ => s.Length == 0 ? insert : s[..from] + insert[0] + s[Math.Min(from + 1, s.Length)..],
                    };
                }
                return s;
            });

    /// <summary>Runs <paramref name="parse"/> on one input: the documented input error is fine, any other exception or a run over budget fails.</summary>
    public static void Survives(Action parse)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            parse();
        }
        catch (InputException)
        {
            // The one documented way to refuse input.
        }
        Assert.True(clock.Elapsed < PerInputBudget, $"one input took {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Up to <paramref name="count"/> files of a shared data set (gunzipped), or none on machines without it.</summary>
    public static List<string> DatasetFiles(string dataset, string pattern, int count, int maxChars = 200_000)
    {
        if (TestPaths.Dataset(dataset) is not { } dir)
            return [];
        return Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).Select(path =>
        {
            using var stream = path.EndsWith(".gz", StringComparison.Ordinal)
                ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
                : File.OpenRead(path);
            var text = new StreamReader(stream).ReadToEnd();
            return text.Length > maxChars ? text[..maxChars] : text;
        }).ToList();
    }
}
