using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Matching;
using TorchSharp;
using static TorchSharp.torch;

namespace Factdesk.Tuning;

/// <summary>
/// Fine-tunes the top layers of MiniLM (or, with --arctic, of arctic-embed-xs, the reranker's second encoder) on CheckThat! 2020 training pairs (tweet, judged claim) with a multiple-negatives
/// ranking loss (in-batch negatives plus one hard negative from the first stage's pool per tweet), k-fold so that
/// every training query gets tuned vectors from an encoder that never saw it; then cross-validates the reranker with
/// those out-of-fold features beside the 47, trains the encoder on all queries and saves its changed tensors.
/// </summary>
public static class Tuner
{
    private const int Depth = 30;

    public static int Run(string[] args)
    {
        var options = new ToolArgs(args);
        var data = options.Data;
        var top = options.Layers;
        var epochs = options.Epochs;
        var rate = options.Real("--rate", 5e-5);
        var batch = options.Int("--batch", 16);
        var scale = options.Real("--scale", 20);
        var folds = options.Folds;
        var onlyFolds = options.OnlyFolds;
        var output = options.Text("--out", "");
        var first = MiniLmTorch.LayerCount - top;
        var arctic = options.Flag("--arctic");
        Action<string> Log = options.Log;
        if (arctic && output.Length > 0)
        {
            // TunedWeights files name MiniLM as their base and only SentenceEncoder.LoadTuned (MiniLM) reads them.
            Console.Error.WriteLine("tune --arctic: --out is not supported; nothing at run time loads tuned arctic-embed-xs weights (use --oof)");
            return 2;
        }

        var (benchmark, groups, baseline) = Prepare(data, Log, arctic);

        // Texts: each query, the claims and titles of its first 30 candidates, its judged claims.
        var byId = benchmark.Collection.Select((e, i) => (e, i)).ToDictionary(p => p.e.Id, p => p.i);
        var texts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Add(string text) => index.TryGetValue(text, out var k) ? k : (index[text] = texts.Count) is var n && Push(text) ? n : n;
        bool Push(string text) { texts.Add(text); return true; }
        var queryText = groups.Select(g => Add(arctic ? SentenceEncoder.ArcticQueryPrefix + g.Query.Text : g.Query.Text)).ToArray();
        foreach (var g in groups)
            foreach (var c in g.Pool.Take(Depth))
            {
                Add(c.Entry.Claim);
                if (!string.IsNullOrWhiteSpace(c.Entry.Title)) Add(c.Entry.Title!);
            }
        var positives = groups.Select(g => g.Relevant.Where(byId.ContainsKey).Select(id => Add(benchmark.Collection[byId[id]].Claim)).ToArray()).ToArray();
        // Hard negatives: the first candidates that are neither judged nor a twin of a judged one (same title, claim cosine >= 0.95).
        var negatives = groups.Select(g => HardNegatives(g, 10).Take(3).Select(c => Add(c.Entry.Claim)).ToArray()).ToArray();
        Log($"{texts.Count} distinct texts");

        var model = MiniLmTorch.Load(arctic);
        var tokens = texts.Select(model.Tokens).ToArray();
        var hidden = Cached(texts, arctic ? $"arctic {first}" : $"{first}", () => Precompute(model, tokens, first));
        Log($"hidden states entering layer {first} computed for {texts.Count} texts ({tokens.Average(t => t.Length):0.0} tokens on average)");

        // Out-of-fold tuned vectors: fold f's queries and their candidates' texts, from the encoder tuned without them.
        var tuned = new float[groups.Count][];
        var tunedText = new Dictionary<(int Query, int Text), float[]>();
        for (var fold = 0; fold < onlyFolds; fold++)
        {
            var trainQueries = Enumerable.Range(0, groups.Count).Where(i => i % folds != fold).ToArray();
            var held = Enumerable.Range(0, groups.Count).Where(i => i % folds == fold).ToArray();
            var weights = Train(arctic, hidden, queryText, positives, negatives, trainQueries, first, epochs, rate, batch, scale, fold, Log);
            var wanted = held.SelectMany(q => new[] { queryText[q] }.Concat(CandidateTexts(groups[q], index))).Distinct().ToArray();
            var vectors = EncodeTop(model, weights, hidden, wanted, first);
            var vectorOf = wanted.Zip(vectors).ToDictionary(p => p.First, p => p.Second);
            foreach (var q in held)
            {
                tuned[q] = vectorOf[queryText[q]];
                foreach (var t in CandidateTexts(groups[q], index)) tunedText[(q, t)] = vectorOf[t];
            }
            var baseHeld = arctic
                ? held.Average(q => CosineOnlyAp(groups[q], c => Math.Max(c.Second!.Value.Claim, c.Second!.Value.Title)))
                : held.Average(q => TunedOnlyAp(groups[q], groups[q].Query.Vector, c => c.ClaimVector, c => c.TitleVector));
            var tunedHeld = held.Average(q => TunedOnlyAp(groups[q], tuned[q], c => tunedText[(q, index[c.Entry.Claim])], c => string.IsNullOrWhiteSpace(c.Entry.Title) ? null : tunedText[(q, index[c.Entry.Title!])]));
            Log($"fold {fold}: held-out MAP@5 of cosine alone over the first {Depth}: base {baseHeld:0.0000}, tuned {tunedHeld:0.0000}");
        }
        if (onlyFolds == folds)
        {
            var withTuned = groups.Select((g, q) =>
            {
                var query = g.Query with { SecondVector = tuned[q] };
                return g with
                {
                    Query = query,
                    Pool = query.WithSecond(g.Pool, Depth, c => (tunedText[(q, index[c.Entry.Claim])], string.IsNullOrWhiteSpace(c.Entry.Title) ? null : tunedText[(q, index[c.Entry.Title!])])),
                    Second = true,
                };
            }).ToList();
            var cosines = options.Text("--oof", "");
            if (cosines.Length > 0)
            {
                // The out-of-fold tuned cosines for `factdesk train matcher --tuned-cosines`.
                WriteOutOfFold(cosines, benchmark, withTuned.SelectMany((g, q) => g.Pool.Take(Depth).Select(c => (q, c.Entry.Id, c.Second!.Value.Claim, c.Second!.Value.Title))));
                Log($"out-of-fold tuned cosines written to {cosines}");
            }
            var score = MatchRerankerTraining.CrossValidate(withTuned, new MatchRerankerOptions());
            Log($"reranker, 47 + {SecondEncoderFeatures.Count} out-of-fold tuned features: 5-fold MAP@5 {score:0.0000} ({(arctic ? "47 + base arctic" : "47 alone")} {baseline:0.0000})");
        }
        if (output.Length > 0)
        {
            var weights = Train(arctic, hidden, queryText, positives, negatives, Enumerable.Range(0, groups.Count).ToArray(), first, epochs, rate, batch, scale, -1, Log);
            var saved = new TunedWeights($"clef2020-top{top}", weights.ToDictionary(p => p.Key, p => (p.Value.detach().data<float>().ToArray(), p.Value.shape)));
            using (var stream = File.Create(output)) saved.Save(stream);
            Log($"saved {output} ({new FileInfo(output).Length / 1024} KB, {saved.Tensors.Count} tensors)");
        }
        return 0;
    }

    /// <summary>
    /// Out-of-fold values in the layout `factdesk train matcher --tuned-cosines` reads: a row per judged query (by its
    /// position among the judged ones) and fact-check, with the claim's value and the title's.
    /// </summary>
    internal static void WriteOutOfFold<T>(string path, RetrievalBenchmark benchmark, IEnumerable<(int Query, string Vclaim, T Claim, T Title)> rows)
        where T : IFormattable
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("query\tvclaim\ttuned_cos_claim\ttuned_cos_title");
        var judged = benchmark.Queries.Where(q => benchmark.Relevant.ContainsKey(q.Id)).ToList();
        foreach (var (q, vclaim, claim, title) in rows)
            writer.WriteLine($"{judged[q].Id}\t{vclaim}\t{claim.ToString("R", CultureInfo.InvariantCulture)}\t{title.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The training queries' first-stage pools and the 47-feature reranker's 5-fold MAP@5 on them (the baseline of a round).</summary>
    internal static (RetrievalBenchmark Benchmark, List<RerankGroup> Groups, double Baseline) Prepare(string data, Action<string> log, bool arctic = false)
    {
        var benchmark = CheckThatRetrieval.Read2020($"{data}/verified_claims.docs.tsv", $"{data}/train/tweets.queries.tsv", $"{data}/train/tweet-vclaim-pairs.qrels");
        using var encoder = SentenceEncoder.Load(threads: 1);
        using var second = arctic ? SentenceEncoder.LoadArctic(threads: 1) : null;
        var matcher = MatchEvaluation.Matcher(benchmark, encoder);
        var groups = MatchEvaluation.RerankGroups(benchmark, matcher, encoder, second);
        log($"{groups.Count} training queries, first stage MAP@5 {MatchRerankerTraining.FirstStage(groups):0.0000}");
        var baseline = MatchRerankerTraining.CrossValidate(groups, new MatchRerankerOptions());
        log($"reranker, {(arctic ? "47 + base arctic" : "47")} features: 5-fold MAP@5 {baseline:0.0000}");
        return (benchmark, groups, baseline);
    }

    /// <summary>
    /// The first <paramref name="depth"/> candidates that are neither judged nor a twin of a judged one (same title,
    /// or claim cosine at least <see cref="MatchFeatures.TwinCosine"/>): twins would be false negatives.
    /// </summary>
    internal static IEnumerable<RerankCandidate> HardNegatives(RerankGroup g, int depth)
    {
        var gold = g.Pool.Where(c => g.Relevant.Contains(c.Entry.Id)).ToList();
        return g.Pool.Take(depth).Where(c => !g.Relevant.Contains(c.Entry.Id)
            && !gold.Any(x => (x.Entry.Title is { } t && string.Equals(t, c.Entry.Title, StringComparison.OrdinalIgnoreCase))
                              || System.Numerics.Tensors.TensorPrimitives.Dot(x.ClaimVector, c.ClaimVector) >= MatchFeatures.TwinCosine));
    }

    private static IEnumerable<int> CandidateTexts(RerankGroup group, Dictionary<string, int> index) =>
        group.Pool.Take(Depth).SelectMany(c => string.IsNullOrWhiteSpace(c.Entry.Title) ? new[] { index[c.Entry.Claim] } : [index[c.Entry.Claim], index[c.Entry.Title!]]);

    /// <summary>AP@5 of the first 30 ordered by the better of claim and title cosine alone.</summary>
    private static double TunedOnlyAp(RerankGroup g, float[] query, Func<RerankCandidate, float[]> claim, Func<RerankCandidate, float[]?> title) =>
        CosineOnlyAp(g, c => Math.Max(System.Numerics.Tensors.TensorPrimitives.Dot(query, claim(c)), title(c) is { } t ? System.Numerics.Tensors.TensorPrimitives.Dot(query, t) : -1));

    /// <summary>AP@5 of the first 30 ordered by <paramref name="cosine"/> alone.</summary>
    private static double CosineOnlyAp(RerankGroup g, Func<RerankCandidate, double> cosine) =>
        RankingMetrics.AveragePrecisionAt(g.Pool.Take(Depth).OrderByDescending(cosine).Select(c => c.Entry.Id).ToList(), g.Relevant, 5);

    /// <summary>The hidden states kept in a scratch file (they take minutes to compute and do not depend on the tuning).</summary>
    internal static Tensor[] Cached(List<string> texts, string layer, Func<Tensor[]> compute)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"layer {layer}\n"));
        foreach (var t in texts) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(t + "\n\u0001"));
        var path = Path.Combine(Path.GetTempPath(), $"factdesk-tuning-{Convert.ToHexString(hash.GetHashAndReset())[..16]}.bin");
        if (File.Exists(path))
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var loaded = new Tensor[reader.ReadInt32()];
            for (var i = 0; i < loaded.Length; i++)
            {
                var length = reader.ReadInt32();
                var bytes = reader.ReadBytes(length * 384 * 4);
                loaded[i] = tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray(), [length, 384]);
            }
            return loaded;
        }
        var result = compute();
        using (var writer = new BinaryWriter(File.Create(path + ".tmp")))
        {
            writer.Write(result.Length);
            foreach (var h in result)
            {
                writer.Write((int)h.shape[0]);
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(h.data<float>().ToArray().AsSpan()));
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
        return result;
    }

    /// <summary>Hidden states entering layer <paramref name="first"/>, no gradients; token types 0 unless <paramref name="types"/> is given (a cross-encoder's pairs).</summary>
    internal static Tensor[] Precompute(MiniLmTorch model, long[][] tokens, int first, long[][]? types = null, Action<int>? progress = null)
    {
        var result = new Tensor[tokens.Length];
        var order = Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Length).ToArray();
        using var _ = no_grad();
        for (var s = 0; s < order.Length; s += 32)
        {
            var batch = order.Skip(s).Take(32).ToArray();
            using var scope = NewDisposeScope();
            var (ids, mask) = MiniLmTorch.Batch(batch.Select(i => tokens[i]).ToArray());
            var h = model.Layers(model.Embed(ids, types is null ? null : MiniLmTorch.BatchTypes(batch.Select(i => types[i]).ToArray())), mask, 0, first);
            for (var k = 0; k < batch.Length; k++) result[batch[k]] = h[k].narrow(0, 0, tokens[batch[k]].Length).clone().MoveToOuterDisposeScope();
            progress?.Invoke(s + batch.Length);
        }
        return result;
    }

    internal static (Tensor Hidden, Tensor Mask) Pad(Tensor[] hidden, IReadOnlyList<int> items)
    {
        var width = items.Max(i => hidden[i].shape[0]);
        var x = zeros(items.Count, width, 384);
        var mask = zeros(items.Count, width);
        for (var k = 0; k < items.Count; k++)
        {
            var length = hidden[items[k]].shape[0];
            x[k].narrow(0, 0, length).copy_(hidden[items[k]]);
            mask[k].narrow(0, 0, length).fill_(1);
        }
        return (x, mask);
    }

    private static Tensor Forward(MiniLmTorch model, Tensor[] hidden, IReadOnlyList<int> items, int first)
    {
        var (x, mask) = Pad(hidden, items);
        return model.Pool(model.Layers(x, mask, first, MiniLmTorch.LayerCount), mask);
    }

    private static float[][] EncodeTop(MiniLmTorch baseModel, Dictionary<string, Tensor> weights, Tensor[] hidden, int[] items, int first)
    {
        var saved = weights.Keys.ToDictionary(k => k, k => baseModel[k]);
        var model = baseModel.With(weights);
        var result = new float[items.Length][];
        var order = items.OrderBy(i => hidden[i].shape[0]).ToArray();
        var position = items.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => p.k);
        using var _ = no_grad();
        for (var s = 0; s < order.Length; s += 64)
        {
            using var scope = NewDisposeScope();
            var batch = order.Skip(s).Take(64).ToArray();
            var v = Forward(model, hidden, batch, first).data<float>().ToArray();
            for (var k = 0; k < batch.Length; k++) result[position[batch[k]]] = v.AsSpan(k * 384, 384).ToArray();
        }
        return result;
    }

    private static Dictionary<string, Tensor> Train(bool arctic, Tensor[] hidden, int[] queryText, int[][] positives, int[][] negatives, int[] queries,
        int first, int epochs, double rate, int batch, double scale, int seed, Action<string> log)
    {
        var model = MiniLmTorch.Load(arctic);
        var weights = model.Trainable(first);
        var optimizer = optim.AdamW(weights.Values.Select(w => (TorchSharp.Modules.Parameter)w), lr: rate, weight_decay: 0.01);
        var random = new Random(seed + 17);
        var pairs = queries.Where(q => positives[q].Length > 0).SelectMany(q => positives[q].Select(p => (q, p))).ToArray();
        var steps = epochs * ((pairs.Length + batch - 1) / batch);
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(pairs);
            double total = 0;
            var count = 0;
            for (var s = 0; s + 2 <= pairs.Length; s += batch)
            {
                using var scope = NewDisposeScope();
                var chunk = pairs.Skip(s).Take(batch).ToArray();
                var lr = rate * ToolArgs.Schedule(step, steps);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                var q = Forward(model, hidden, chunk.Select(c => queryText[c.q]).ToArray(), first);
                var docs = chunk.Select(c => c.p).Concat(chunk.Select(c => negatives[c.q].Length == 0 ? c.p : negatives[c.q][random.Next(negatives[c.q].Length)])).ToArray();
                var d = Forward(model, hidden, docs, first);
                var scores = matmul(q, d.t()) * scale;
                // A tweet with two judged claims in one batch: the other is masked out, not a negative.
                var maskOut = new float[chunk.Length * docs.Length];
                for (var i = 0; i < chunk.Length; i++)
                    for (var j = 0; j < docs.Length; j++)
                        if (j != i && positives[chunk[i].q].Contains(docs[j])) maskOut[i * docs.Length + j] = -1e4f;
                scores = scores + tensor(maskOut, [chunk.Length, docs.Length]);
                var loss = nn.functional.cross_entropy(scores, arange(chunk.Length, dtype: ScalarType.Int64));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                count++;
                step++;
            }
            log($"  encoder {(seed < 0 ? "all" : $"fold {seed}")}, epoch {epoch + 1}: mean loss {total / Math.Max(1, count):0.0000} over {count} batches");
        }
        return weights;
    }
}
