using System.Numerics.Tensors;
using Factdesk.Matching;
using Factdesk.Ingestion;
using Onnx;

namespace Factdesk.Tests.Matching;

public sealed class TunedEncoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (float[] Values, long[] Dims) BaseTensor(string name)
    {
        var graph = ModelProto.Parser.ParseFrom(SentenceEncoder.ReadBaseModel()).Graph;
        var names = TunedWeights.ReadableNames(graph);
        var t = graph.Initializer.Single(i => names.GetValueOrDefault(i.Name, i.Name) == name);
        var values = t.RawData.Length > 0 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : t.FloatData.ToArray();
        return (values, t.Dims.ToArray());
    }

    [Fact]
    public void The_unnamed_MatMul_weights_get_the_names_of_their_biases()
    {
        var names = TunedWeights.ReadableNames(ModelProto.Parser.ParseFrom(SentenceEncoder.ReadBaseModel()).Graph);

        // Six per layer: query, key, value, attention output, intermediate, output.
        Assert.Equal(36, names.Count(n => n.Value.StartsWith("encoder.layer.", StringComparison.Ordinal)));
        Assert.Contains("encoder.layer.5.intermediate.dense.weight", names.Values);
        Assert.Equal([384, 1536], BaseTensor("encoder.layer.5.intermediate.dense.weight").Dims);
    }

    [Fact]
    public void Replaced_weights_change_the_vectors_and_the_cache_key_and_the_same_weights_do_not()
    {
        const string name = "encoder.layer.5.output.dense.weight";
        var (values, dims) = BaseTensor(name);
        var changed = values.Select((v, i) => i % 7 == 0 ? v * 1.5f : v).ToArray();
        string[] texts = ["Joe Biden said he would ban fracking.", "Sharks swim on a flooded highway after Hurricane Harvey"];
        using var original = SentenceEncoder.Load();
        using var same = SentenceEncoder.LoadTuned(new TunedWeights("same", new Dictionary<string, (float[], long[])> { [name] = (values, dims) }));
        using var tuned = SentenceEncoder.LoadTuned(new TunedWeights("test", new Dictionary<string, (float[], long[])> { [name] = (changed, dims) }));

        var a = original.Encode(texts);
        var b = same.Encode(texts);
        var c = tuned.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.CosineSimilarity(a[i], b[i]) > 0.99999f);
            Assert.InRange(TensorPrimitives.CosineSimilarity(a[i], c[i]), 0.3f, 0.9999f);
        }
        Assert.NotEqual(original.ModelKey, tuned.ModelKey);
        Assert.NotEqual(same.ModelKey, tuned.ModelKey);
    }

    [Fact]
    public void A_tuned_weights_file_that_is_missing_or_not_one_is_an_input_error_naming_it()
    {
        var missing = _temp.File("none.bin");
        var junk = _temp.Write("junk.bin", "hello");

        Assert.Equal($"{missing}: no such file", Assert.Throws<Factdesk.Ingestion.InputException>(() => TunedWeights.LoadFile(missing)).Message);
        var error = Assert.Throws<Factdesk.Ingestion.InputException>(() => TunedWeights.LoadFile(junk));
        Assert.StartsWith(junk + ": ", error.Message);
        Assert.Contains("not a Factdesk tuned-encoder file", error.Message);
    }

    [Fact]
    public void Tuned_weights_survive_a_save_in_float16_and_bad_files_are_clear_errors()
    {
        var weights = new TunedWeights("t", new Dictionary<string, (float[], long[])> { ["encoder.layer.5.output.dense.bias"] = ([0.5f, -1.25f, 0.3333f], [3]) });
        using var buffer = new MemoryStream();
        weights.Save(buffer);
        buffer.Position = 0;
        var loaded = TunedWeights.Load(buffer);

        Assert.Equal("t", loaded.Name);
        Assert.Equal([0.5f, -1.25f, 0.3333f], loaded.Tensors["encoder.layer.5.output.dense.bias"].Values, (x, y) => Math.Abs(x - y) < 1e-3);
        Assert.Contains("not a Factdesk tuned-encoder file", Assert.Throws<InvalidDataException>(() => TunedWeights.Load(new MemoryStream("hello"u8.ToArray()))).Message);
        var wrongShape = new TunedWeights("t", new Dictionary<string, (float[], long[])> { ["encoder.layer.5.output.dense.bias"] = ([0.5f, -1.25f, 0.3333f], [3]) });
        Assert.Contains("the graph's is 384", Assert.Throws<InvalidDataException>(() => wrongShape.Apply(SentenceEncoder.ReadBaseModel())).Message);
        var unknown = new TunedWeights("t", new Dictionary<string, (float[], long[])> { ["encoder.layer.9.output.dense.bias"] = (new float[384], [384]) });
        Assert.Contains("is not in the", Assert.Throws<InvalidDataException>(() => unknown.Apply(SentenceEncoder.ReadBaseModel())).Message);

        Assert.Contains("cut short", Assert.Throws<InvalidDataException>(() => TunedWeights.Load(new MemoryStream(buffer.ToArray()[..^10]))).Message);

        var newer = new MemoryStream();
        using (var writer = new BinaryWriter(newer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(TunedWeights.Magic);
            writer.Write(TunedWeights.Version + 1);
        }
        newer.Position = 0;
        Assert.Contains($"format version {TunedWeights.Version + 1}", Assert.Throws<InvalidDataException>(() => TunedWeights.Load(newer)).Message);
    }
}

public sealed class TunedFeaturesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static float[] Unit(float a, float b) => TestVectors.Unit(a, b);

    private static RerankCandidate Candidate(string id, int position, double hybrid, (double, double)? tuned) =>
        new(new FactCheckEntry(id, $"Claim {id} about taxes"), position, Unit(1, 0.1f * position), null, TextProfile.Of($"Claim {id} about taxes"), hybrid, 1, 1, 0) { Second = tuned };

    [Fact]
    public void Tuned_rows_have_four_more_features_and_candidates_without_tuned_cosines_are_missing()
    {
        var query = RerankQuery.Of("Taxes went up", Unit(1, 0), Unit(1, 0));
        List<RerankCandidate> pool = [Candidate("a", 0, 0.9, (0.5, 0.7)), Candidate("b", 1, 0.8, (0.8, 0.2)), Candidate("c", 2, 0.7, null)];

        var rows = MatchFeatures.Of(query, pool, second: true);

        Assert.Equal(SecondEncoderFeatures.Count, SecondEncoderFeatures.Names.Length);
        Assert.All(rows, r => Assert.Equal(MatchFeatures.Count + SecondEncoderFeatures.Count, r.Length));
        Assert.Equal(MatchFeatures.Count, MatchFeatures.Of(query, pool, second: false)[0].Length);
        // claim, title, rank of the better one, gap to the best
        Assert.Equal([0.5f, 0.7f, 1f, 0.1f], rows[0][MatchFeatures.Count..], (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.Equal([0.8f, 0.2f, 0f, 0f], rows[1][MatchFeatures.Count..], (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.All(rows[2][MatchFeatures.Count..], x => Assert.True(float.IsNaN(x)));
    }

    [Fact]
    public void WithTuned_computes_the_cosines_of_the_head_only()
    {
        var query = RerankQuery.Of("Taxes went up", Unit(1, 0), Unit(1, 0)) with { SecondVector = Unit(1, 0) };
        List<RerankCandidate> pool = [Candidate("a", 0, 0.9, null), Candidate("b", 1, 0.8, null)];

        var tuned = query.WithSecond(pool, 1, c => (Unit(1, 1), null));

        Assert.Equal(Math.Sqrt(0.5), tuned[0].Second!.Value.Claim, 5);
        Assert.Equal(tuned[0].Second!.Value.Claim, tuned[0].Second!.Value.Title);
        Assert.Null(tuned[1].Second);
    }

    /// <summary>Pools where only the tuned cosine tells the relevant fact-check (it has the highest), second to fifth by hybrid score.</summary>
    private static List<RerankGroup> Groups(int count, int seed)
    {
        var random = new Random(seed);
        var groups = new List<RerankGroup>();
        for (var g = 0; g < count; g++)
        {
            var query = RerankQuery.Of("Taxes went up", Unit(1, 0), Unit(1, 0));
            var answer = random.Next(1, 5);
            var pool = Enumerable.Range(0, 6).Select(c => new RerankCandidate(new FactCheckEntry($"{g}-{c}", "Claim about taxes"), g * 10 + c, Unit(1, 0.3f), null,
                TextProfile.Of("Claim about taxes"), 1 - 0.1 * c, 5, 5, 0) { Second = c == answer ? (0.8 + random.NextDouble() * 0.1, 0.5) : (0.3 + random.NextDouble() * 0.4, 0.4) }).ToList();
            groups.Add(new RerankGroup(query, pool, new HashSet<string> { $"{g}-{answer}" }) { Second = true });
        }
        return groups;
    }

    [Fact]
    public void A_reranker_trained_with_tuned_features_uses_them_and_says_so_after_a_save()
    {
        var model = MatchReranker.Train(Groups(60, 1), new MatchRerankerOptions(Iterations: 30, Leaves: 4, MinimumExamplesPerLeaf: 5, Depth: 5), MatchReranker.ArcticEncoder);
        var held = Groups(20, 2);

        Assert.True(model.UsesSecondEncoder);
        Assert.Equal(MatchFeatures.Count + SecondEncoderFeatures.Count, model.FeatureCount);
        var path = _temp.File("matcher.zip");
        model.Save(path);
        var loaded = MatchReranker.LoadFile(path);
        Assert.True(loaded.UsesSecondEncoder);
        Assert.Equal(MatchReranker.ArcticEncoder, loaded.SecondEncoder);
        Assert.Equal(5, loaded.Depth);
        Assert.All(held, g => Assert.Equal(g.Relevant.Single(), loaded.Rerank(g.Query, g.Pool)[0].Candidate.Entry.Id));
    }

    [Fact]
    public async Task A_reranker_with_tuned_features_is_refused_by_match_and_eval_without_the_tuned_weights()
    {
        Assert.SkipUnless(TunedWeights.Shipped is null, "tuned weights are shipped: such a reranker runs");
        var path = _temp.File("tuned-matcher.zip");
        MatchReranker.Train(Groups(60, 1), new MatchRerankerOptions(Iterations: 30, Leaves: 4, MinimumExamplesPerLeaf: 5, Depth: 5), MatchReranker.TunedMiniLmEncoder).Save(path);

        (await Factdesk.Tests.Cli.CliRun.Of("match", "Taxes went up", "--db", _temp.File("none.db"), "--reranker", path))
            .AssertUserError("uses the fine-tuned encoder's features");
        var empty = _temp.Write("empty.tsv", "");
        (await Factdesk.Tests.Cli.CliRun.Of("eval", "match", "--format", "clef2020", "--vclaims", empty, "--queries", empty, "--qrels", empty, "--reranker", path))
            .AssertUserError("--tuned-encoder FILE");
    }

    [Fact]
    public void A_reranker_with_second_encoder_features_but_no_encoder_name_is_not_saved()
    {
        var model = MatchReranker.Train(Groups(30, 1), new MatchRerankerOptions(Iterations: 10, Leaves: 4, MinimumExamplesPerLeaf: 5, Depth: 5));

        Assert.Null(model.SecondEncoder);
        Assert.Throws<InvalidOperationException>(() => model.Save(_temp.File("unnamed.zip")));
        Assert.False(File.Exists(_temp.File("unnamed.zip")));
    }

    [Fact]
    public void A_model_naming_an_unknown_second_encoder_is_a_clear_error()
    {
        var good = _temp.File("good.zip");
        MatchReranker.Train(Groups(30, 1), new MatchRerankerOptions(Iterations: 10, Leaves: 4, MinimumExamplesPerLeaf: 5, Depth: 5), MatchReranker.ArcticEncoder).Save(good);
        var bytes = File.ReadAllBytes(good);
        // marker, depth, feature count, then the name as a length-prefixed string: swap the name for another of its length.
        var name = System.Text.Encoding.UTF8.GetBytes(MatchReranker.ArcticEncoder);
        Assert.Equal(name, bytes[13..(13 + name.Length)]);
        System.Text.Encoding.UTF8.GetBytes(new string('x', name.Length)).CopyTo(bytes, 13);
        var odd = _temp.File("odd-encoder.zip");
        File.WriteAllBytes(odd, bytes);

        var error = Assert.Throws<InputException>(() => MatchReranker.LoadFile(odd));
        Assert.Contains("xxxx", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void A_copy_with_the_tuned_features_computes_its_own_rows()
    {
        var plain = Groups(1, 3)[0] with { Second = false };
        Assert.Equal(MatchFeatures.Count, plain.Features[0].Length);

        var tuned = plain with { Second = true };

        Assert.Equal(MatchFeatures.Count + SecondEncoderFeatures.Count, tuned.Features[0].Length);
    }

    [Fact]
    public void A_model_of_another_feature_count_is_a_clear_error()
    {
        var path = _temp.File("odd.zip");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(-2);
            writer.Write(30);
            writer.Write(99);
            writer.Write(new byte[64]);
        }

        var error = Assert.Throws<Factdesk.Ingestion.InputException>(() => MatchReranker.LoadFile(path));
        Assert.Contains("of 99 features", error.Message);
        Assert.Contains("retrain", error.Message);
    }
}
