using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Matching;
using TorchSharp;
using static TorchSharp.torch;

namespace Factdesk.Tuning;

/// <summary>
/// A cross-encoder from MiniLM's weights: [CLS] tweet [SEP] claim title [SEP] (token types 0/1), the top layers and a
/// linear head over the mean of the last hidden states fine-tuned with a listwise loss (softmax over one judged claim
/// and hard negatives from the first stage's pool). k-fold by query position, so every training query's first
/// candidates are scored by a model that never saw it; those out-of-fold scores go to the reranker in the slot of the
/// tuned features (score, score, rank, gap) and the reranker is cross-validated with them beside the 47.
/// The layers below the tuned ones are frozen, so their output is computed once per pair (and cached in /tmp).
/// </summary>
public static class CrossTuner
{
    private const int Hidden = 384;

    public static int Run(string[] args)
    {
        var options = new ToolArgs(args);
        var data = options.Data;
        var top = options.Layers;
        var epochs = options.Epochs;
        var rate = options.Real("--rate", 1e-4);
        var headRate = options.Real("--head-rate", 1e-3);
        var queriesPerBatch = options.Int("--batch", 4);
        var negativeCount = options.Int("--negatives", 7);
        var depth = options.Int("--depth", 30);
        // Scoring fewer candidates than were paired saves time on a loaded machine; the rest get missing features.
        var scoreDepth = Math.Min(depth, options.Int("--score-depth", depth));
        var negativeDepth = options.Int("--negative-depth", 30);
        var maxTweet = options.Int("--max-tweet", 64);
        var folds = options.Folds;
        var onlyFolds = options.OnlyFolds;
        var first = MiniLmTorch.LayerCount - top;
        Action<string> Log = options.Log;

        var (benchmark, groups, baseline) = Tuner.Prepare(data, Log);
        var byId = benchmark.Collection.Select((e, i) => (e, i)).ToDictionary(p => p.e.Id, p => p.i);
        var model = MiniLmTorch.Load();

        // Pairs: each query with its first `depth` candidates (scored), its judged claims (positives) and hard negatives.
        var keys = new List<string>();
        var tokens = new List<long[]>();
        var types = new List<long[]>();
        var pairOf = new Dictionary<(int, string), int>();
        int Pair(int q, FactCheckEntry e)
        {
            if (pairOf.TryGetValue((q, e.Id), out var k)) return k;
            var second = string.IsNullOrWhiteSpace(e.Title) ? e.Claim : $"{e.Claim} {e.Title}";
            var (ids, t) = model.PairTokens(groups[q].Query.Text, second, maxTweet);
            keys.Add($"{groups[q].Query.Text}\u0002{second}");
            tokens.Add(ids);
            types.Add(t);
            return pairOf[(q, e.Id)] = keys.Count - 1;
        }
        var scored = groups.Select((g, q) => g.Pool.Take(depth).Select(c => Pair(q, c.Entry)).ToArray()).ToArray();
        var positives = groups.Select((g, q) => g.Relevant.Where(byId.ContainsKey).Select(id => Pair(q, benchmark.Collection[byId[id]])).ToArray()).ToArray();
        var negatives = groups.Select((g, q) => Tuner.HardNegatives(g, negativeDepth).Select(c => Pair(q, c.Entry)).ToArray()).ToArray();
        Log($"{keys.Count} pairs, {tokens.Average(t => t.Length):0.0} tokens on average (tweet cut to {maxTweet})");

        keys.Insert(0, $"cross-encoder pairs, tweet cut to {maxTweet}");
        var hidden = Tuner.Cached(keys, $"{first}", () => Tuner.Precompute(model, [.. tokens], first, [.. types],
            done => { if (done % 1024 < 32) Log($"  layers below {first}: {done} of {tokens.Count} pairs"); }));
        Log($"hidden states entering layer {first} ready");

        var scores = new float[groups.Count][];
        for (var fold = 0; fold < onlyFolds; fold++)
        {
            var started = options.Elapsed;
            var train = Enumerable.Range(0, groups.Count).Where(i => i % folds != fold).ToArray();
            var held = Enumerable.Range(0, groups.Count).Where(i => i % folds == fold).ToArray();
            var tuned = Train(hidden, positives, negatives, train, first, epochs, rate, headRate, queriesPerBatch, negativeCount, fold, Log);
            var wanted = held.SelectMany(q => scored[q].Take(scoreDepth)).ToArray();
            var values = tuned.Score(hidden, wanted);
            var next = 0;
            foreach (var q in held)
            {
                var n = Math.Min(scoreDepth, scored[q].Length);
                scores[q] = values[next..(next + n)];
                next += n;
            }
            var firstStage = held.Average(q => RankingMetrics.AveragePrecisionAt(groups[q].Pool.Take(scoreDepth).Select(c => c.Entry.Id).ToList(), groups[q].Relevant, 5));
            var crossAlone = held.Average(q => RankingMetrics.AveragePrecisionAt(groups[q].Pool.Take(scoreDepth).Select((c, r) => (c, r)).OrderByDescending(p => scores[q][p.r]).Select(p => p.c.Entry.Id).ToList(), groups[q].Relevant, 5));
            Log($"fold {fold}: held-out MAP@5 over the first {scoreDepth}: first stage {firstStage:0.0000}, cross-encoder alone {crossAlone:0.0000} ({(options.Elapsed - started).TotalSeconds:0} s)");
        }
        if (onlyFolds < folds) return 0;

        var withCross = groups.Select((g, q) => g with
        {
            Pool = g.Pool.Select((c, r) => r < scores[q].Length ? c with { Second = (scores[q][r], scores[q][r]) } : c).ToList(),
            Second = true,
        }).ToList();
        var output = options.Text("--oof", "");
        if (output.Length > 0)
        {
            // The same layout as the tuned encoder's out-of-fold cosines (`factdesk train matcher --tuned-cosines`).
            Tuner.WriteOutOfFold(output, benchmark, scores.SelectMany((values, q) => values.Select((value, r) => (q, groups[q].Pool[r].Entry.Id, value, value))));
            Log($"out-of-fold cross-encoder scores written to {output}");
        }
        var score = MatchRerankerTraining.CrossValidate(withCross, new MatchRerankerOptions());
        Log($"reranker, 47 + {SecondEncoderFeatures.Count} out-of-fold cross-encoder features: 5-fold MAP@5 {score:0.0000} (47 alone {baseline:0.0000})");
        return 0;
    }

    private static CrossModel Train(Tensor[] hidden, int[][] positives, int[][] negatives, int[] queries, int first, int epochs,
        double rate, double headRate, int queriesPerBatch, int negativeCount, int seed, Action<string> log)
    {
        var layers = MiniLmTorch.Load();
        var weights = layers.Trainable(first);
        var random = new Random(seed + 31);
        var model = new CrossModel(layers, first, new Random(seed + 7));
        var layerOptimizer = optim.AdamW(weights.Values.Select(w => (TorchSharp.Modules.Parameter)w), lr: rate, weight_decay: 0.01);
        var headOptimizer = optim.AdamW([model.Head, model.Bias], lr: headRate, weight_decay: 0.01);
        var usable = queries.Where(q => positives[q].Length > 0 && negatives[q].Length > 0).ToArray();
        var steps = epochs * ((usable.Length + queriesPerBatch - 1) / queriesPerBatch);
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(usable);
            double total = 0;
            var count = 0;
            for (var s = 0; s < usable.Length; s += queriesPerBatch)
            {
                using var scope = NewDisposeScope();
                var chunk = usable.Skip(s).Take(queriesPerBatch).ToArray();
                // Each query: one judged claim first, then negatives drawn without repeats (with repeats if too few).
                var items = new List<int>();
                foreach (var q in chunk)
                {
                    items.Add(positives[q][random.Next(positives[q].Length)]);
                    var pool = negatives[q].ToArray();
                    random.Shuffle(pool);
                    for (var k = 0; k < negativeCount; k++) items.Add(k < pool.Length ? pool[k] : pool[random.Next(pool.Length)]);
                }
                var factor = ToolArgs.Schedule(step, steps);
                foreach (var group in layerOptimizer.ParamGroups) group.LearningRate = rate * factor;
                foreach (var group in headOptimizer.ParamGroups) group.LearningRate = headRate * factor;
                var logits = model.Forward(hidden, items).view(chunk.Length, negativeCount + 1);
                var loss = nn.functional.cross_entropy(logits, zeros(chunk.Length, dtype: ScalarType.Int64));
                layerOptimizer.zero_grad();
                headOptimizer.zero_grad();
                loss.backward();
                layerOptimizer.step();
                headOptimizer.step();
                total += loss.item<float>();
                count++;
                step++;
                if (step % 25 == 0) log(string.Create(CultureInfo.InvariantCulture, $"    step {step} of {steps}, mean loss {total / count:0.0000}"));
            }
            log(string.Create(CultureInfo.InvariantCulture, $"  cross-encoder fold {seed}, epoch {epoch + 1}: mean loss {total / Math.Max(1, count):0.0000} over {count} batches (chance {Math.Log(negativeCount + 1):0.0000})"));
        }
        return model;
    }

    /// <summary>The tuned top layers and the head: score = head · mean of the last hidden states + bias.</summary>
    private sealed class CrossModel(MiniLmTorch layers, int first, Random random)
    {
        public TorchSharp.Modules.Parameter Head { get; } = new(tensor(Enumerable.Range(0, Hidden).Select(_ => (float)(random.NextDouble() - 0.5) * 0.04f).ToArray(), [Hidden, 1L]), requires_grad: true);

        public TorchSharp.Modules.Parameter Bias { get; } = new(zeros(1), requires_grad: true);

        public Tensor Forward(Tensor[] hidden, IReadOnlyList<int> items)
        {
            var (x, mask) = Tuner.Pad(hidden, items);
            var h = layers.Layers(x, mask, first, MiniLmTorch.LayerCount);
            var m = mask.unsqueeze(-1);
            var mean = (h * m).sum(1) / m.sum(1).clamp_min(1);
            return (matmul(mean, Head) + Bias).view(-1);
        }

        /// <summary>Scores of pairs, no gradients, in batches of similar length; in the order given.</summary>
        public float[] Score(Tensor[] hidden, int[] items)
        {
            var result = new float[items.Length];
            var order = Enumerable.Range(0, items.Length).OrderBy(i => hidden[items[i]].shape[0]).ToArray();
            using var _ = no_grad();
            for (var s = 0; s < order.Length; s += 64)
            {
                using var scope = NewDisposeScope();
                var batch = order.Skip(s).Take(64).ToArray();
                var values = Forward(hidden, batch.Select(i => items[i]).ToArray()).data<float>().ToArray();
                for (var k = 0; k < batch.Length; k++) result[batch[k]] = values[k];
            }
            return result;
        }
    }
}
