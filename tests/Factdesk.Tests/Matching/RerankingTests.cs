using System.Numerics.Tensors;
using Factdesk.Matching;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Factdesk.Tests.Matching;

public sealed class TweetTextTests
{
    [Fact]
    public void The_trailer_and_links_are_split_from_the_body()
    {
        var tweet = TweetText.Parse("Alabama will NOT see any impacts from #Dorian. https://t.co/abc pic.twitter.com/xyz — NWS Birmingham (@NWSBirmingham) September 1, 2019");

        Assert.Equal("Alabama will NOT see any impacts from #Dorian.", tweet.Body);
        Assert.Equal("NWS Birmingham", tweet.Author);
        Assert.Equal("NWSBirmingham", tweet.Handle);
    }

    [Fact]
    public void Sentences_of_three_words_or_more_are_kept()
    {
        var tweet = TweetText.Parse("Alabama will NOT see any impacts. We repeat, no impacts! Ok. The system will remain too far east — NWS (@nws) September 1, 2019");

        Assert.Equal(["Alabama will NOT see any impacts.", "We repeat, no impacts!", "The system will remain too far east"], tweet.Sentences());
    }

    [Fact]
    public void The_trailer_date_and_the_handles_and_hashtags_are_read()
    {
        var tweet = TweetText.Parse("Ask @SpeakerPelosi & @RepCummings about Venice #FakeNews https://t.co/x — Matt Gaetz (@mattgaetz) July 27, 2019");

        Assert.Equal(new DateOnly(2019, 7, 27), tweet.Date);
        Assert.Equal(["SpeakerPelosi", "RepCummings", "FakeNews", "mattgaetz"], tweet.Tags);
        Assert.Equal(new DateOnly(2018, 1, 3), TweetText.Parse("Text here — Jo (@jo) Jan. 3, 2018").Date);
        Assert.Null(TweetText.Parse("No trailer, no date").Date);
    }

    [Fact]
    public void A_text_without_trailer_keeps_its_words()
    {
        var tweet = TweetText.Parse("Fraudulent texts say people were selected for a military draft - officials");

        Assert.Equal("Fraudulent texts say people were selected for a military draft - officials", tweet.Body);
        Assert.Null(tweet.Author);
        Assert.Null(tweet.Handle);
    }
}

public sealed class TextProfileTests
{
    [Fact]
    public void Numbers_lose_their_separators_and_names_skip_the_first_word()
    {
        var profile = TextProfile.Of("Police said 1,000 people met Joe Biden in Ohio on 3 May.");

        Assert.Equal(["1000", "3"], profile.Numbers.Order());
        Assert.Equal(["biden", "joe", "ohio"], profile.Names.Order());
        Assert.DoesNotContain("police", profile.Names);
        Assert.Contains("people met", profile.Bigrams);
    }

    [Fact]
    public void Years_and_months_with_their_year_are_found()
    {
        var profile = TextProfile.Of("In a 2 January 2018 thread, and again in July 2019 (or Aug. 3, 2019), 1,000 of 3000 said so in 2017.");

        Assert.Equal([2017, 2018, 2019], profile.Years.Order());
        Assert.Equal([2018 * 12 + 0, 2019 * 12 + 6, 2019 * 12 + 7], profile.Months.Order());
        Assert.Empty(TextProfile.Of("Mayday: 3000 people").Years);
    }
}

public sealed class MatchFeaturesTests
{
    private static float[] Unit(params float[] x)
    {
        var v = new float[SentenceEncoder.Dimensions];
        x.CopyTo(v, 0);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static RerankCandidate Candidate(string id, int position, string claim, string? title, float[] vector, double hybrid, double bm25 = 0) =>
        new(new FactCheckEntry(id, claim, title), position, vector, title is null ? null : vector, TextProfile.Of(claim + " " + title), hybrid, bm25, bm25, 0);

    [Fact]
    public void Each_row_has_every_feature_and_relative_scores_are_within_the_pool()
    {
        var query = RerankQuery.Of("Biden met 1,000 voters in Ohio — Jane Roe (@jroe) May 3, 2020", Unit(1, 0), Unit(1, 0.1f));
        var pool = new[]
        {
            Candidate("a", 5, "Joe Biden met 1000 voters in Ohio.", "Did Biden meet Ohio voters?", Unit(1, 0.2f), 0.9, 8),
            Candidate("b", 2, "Jane Roe said the moon is cheese.", null, Unit(0, 1), 0.4, 2),
        };

        var rows = MatchFeatures.Of(query, pool);

        Assert.Equal(MatchFeatures.Count, MatchFeatures.Names.Length);
        Assert.All(rows, r => Assert.Equal(MatchFeatures.Count, r.Length));
        float F(int row, string name) => rows[row][Array.IndexOf(MatchFeatures.Names, name)];
        Assert.Equal(0, F(0, "hybrid_rank"));
        Assert.Equal(1, F(1, "hybrid_rank"));
        Assert.Equal(0.5, F(1, "hybrid_gap"), 5);
        Assert.Equal(1, F(0, "bm25_share"), 5);
        Assert.Equal(0.25, F(1, "bm25_share"), 5);
        Assert.Equal(1, F(0, "numbers_matched"));
        Assert.Equal(0, F(0, "numbers_unmatched"));
        Assert.Equal(0, F(0, "author_in_candidate"));
        Assert.Equal(1, F(1, "author_in_candidate"));
        Assert.Equal(0, F(1, "has_title"));
        Assert.Equal(F(1, "cos_claim"), F(1, "cos_title"));
        Assert.Equal(-1, F(0, "year_gap"));
        Assert.Equal(-1, F(0, "month_gap"));
    }

    [Fact]
    public void Dates_near_the_tweet_and_names_inside_handles_are_features()
    {
        var query = RerankQuery.Of("Ask @RepCummings about the trip — Matt Gaetz (@mattgaetz) July 27, 2019", Unit(1, 0), Unit(1, 0));
        var pool = new[]
        {
            Candidate("a", 1, "In July 2019, Elijah Cummings was in Venice.", null, Unit(1, 0.1f), 0.8),
            Candidate("b", 2, "In 2016 a senator went to Paris.", null, Unit(1, 0.3f), 0.7),
        };

        var rows = MatchFeatures.Of(query, pool);
        float F(int row, string name) => rows[row][Array.IndexOf(MatchFeatures.Names, name)];

        Assert.Equal(0, F(0, "year_gap"));
        Assert.Equal(0, F(0, "month_gap"));
        Assert.Equal(3, F(1, "year_gap"));
        Assert.Equal(-1, F(1, "month_gap"));
        Assert.Equal(1, F(0, "tag_terms_in_candidate"));
        Assert.Equal(0.5, F(0, "tags_matched"), 5);
        Assert.Equal(0, F(1, "tag_terms_in_candidate"));
        Assert.True(F(0, "centrality") > 0.9);
    }

    [Fact]
    public void Twins_are_counted_by_collection_order()
    {
        var query = RerankQuery.Of("The U.S. was ranked the 118th safest country", Unit(1, 0), Unit(1, 0));
        var pool = new[]
        {
            Candidate("new", 9, "The U.S. was ranked the '118th safest country'.", "Was the US Ranked 118th?", Unit(1, 0.1f), 0.8),
            Candidate("old", 3, "The U.S. was ranked the \"118th safest country\".", "Was the US Ranked 118th?", Unit(1, 0.11f), 0.79),
            Candidate("other", 1, "Sharks live in lakes.", "Do sharks live in lakes?", Unit(0, 1), 0.2),
        };

        var rows = MatchFeatures.Of(query, pool);
        var before = Array.IndexOf(MatchFeatures.Names, "twins_before");
        var after = Array.IndexOf(MatchFeatures.Names, "twins_after");

        Assert.Equal((1f, 0f), (rows[0][before], rows[0][after]));
        Assert.Equal((0f, 1f), (rows[1][before], rows[1][after]));
        Assert.Equal((0f, 0f), (rows[2][before], rows[2][after]));
    }
}

public sealed class MatchRerankerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static float[] Unit(float a, float b) => TestVectors.Unit(a, b);

    /// <summary>
    /// Queries where the first-stage order is wrong in a learnable way: the relevant fact-check is always the one that
    /// shares the query's number, and it comes second to fifth by hybrid score.
    /// </summary>
    private static List<RerankGroup> Groups(int count, int seed)
    {
        var random = new Random(seed);
        var groups = new List<RerankGroup>();
        for (var g = 0; g < count; g++)
        {
            var number = random.Next(100, 999);
            var query = RerankQuery.Of($"They said {number} people came", Unit(1, 0), Unit(1, 0));
            var pool = new List<RerankCandidate>();
            var answer = random.Next(1, 5);
            for (var c = 0; c < 6; c++)
            {
                var relevant = c == answer;
                var claim = relevant ? $"Officials said {number} people came" : $"Officials said {number + 7 * (c + 1)} people came";
                var vector = Unit(1, 0.3f + 0.1f * c + (float)random.NextDouble() * 0.05f);
                pool.Add(new RerankCandidate(new FactCheckEntry($"{g}-{c}", claim), g * 10 + c, vector, null, TextProfile.Of(claim), 1 - 0.1 * c, 5, 5, 0));
            }
            groups.Add(new RerankGroup(query, pool, new HashSet<string> { $"{g}-{answer}" }));
        }
        return groups;
    }

    [Fact]
    public void The_reranker_learns_what_the_first_stage_missed_and_survives_a_save()
    {
        var options = new MatchRerankerOptions(Iterations: 30, Leaves: 4, MinimumExamplesPerLeaf: 5, Depth: 5);
        var model = MatchReranker.Train(Groups(60, 1), options);
        var held = Groups(20, 2);

        Assert.InRange(MatchRerankerTraining.FirstStage(held), 0.2, 0.6);
        Assert.All(held, g => Assert.Equal(g.Relevant.Single(), model.Rerank(g.Query, g.Pool)[0].Candidate.Entry.Id));

        var path = _temp.File("matcher.zip");
        model.Save(path);
        var loaded = MatchReranker.LoadFile(path);
        Assert.Equal(5, loaded.Depth);
        var ranked = loaded.Rerank(held[0].Query, held[0].Pool);
        Assert.Equal(held[0].Relevant.Single(), ranked[0].Candidate.Entry.Id);
        // Below the reranked head the pool keeps its first-stage order, with lower scores.
        Assert.Equal("0-5", ranked[5].Candidate.Entry.Id);
        Assert.True(ranked[4].Score > ranked[5].Score);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_clear_error()
    {
        var error = Assert.Throws<Factdesk.Ingestion.InputException>(() => MatchReranker.LoadFile(_temp.Write("m.zip", "not a model")));
        Assert.Contains("is not a matcher model", error.Message);
    }
}

public sealed class Int8QuantizerTests
{
    /// <summary>A graph of one MatMul, Y = X · W, with W a float initializer.</summary>
    private static byte[] OneMatMul(float[] weights, int rows, int columns)
    {
        var w = new TensorProto { Name = "W", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add(rows);
        w.Dims.Add(columns);
        w.FloatData.Add(weights);
        var graph = new GraphProto { Name = "g" };
        graph.Initializer.Add(w);
        graph.Node.Add(new NodeProto { Name = "mm", OpType = "MatMul", Input = { "X", "W" }, Output = { "Y" } });
        graph.Input.Add(Value("X", rows));
        graph.Output.Add(Value("Y", columns));
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, int width)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = new TensorShapeProto() };
        tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static float[] Run(byte[] model, float[] input, int batch, int width)
    {
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [batch, width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["X"], [x], ["Y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    [Fact]
    public void The_int8_graph_computes_nearly_the_float_product_and_drops_the_float_weights()
    {
        const int rows = 16, columns = 8, batch = 4;
        var random = new Random(3);
        var weights = Enumerable.Range(0, rows * columns).Select(i => (float)(random.NextDouble() * 2 - 1) * (1 + i % columns)).ToArray();
        var input = Enumerable.Range(0, batch * rows).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var original = OneMatMul(weights, rows, columns);

        var (quantized, rewritten) = Int8Quantizer.Quantize(original);

        Assert.Equal(1, rewritten);
        var graph = ModelProto.Parser.ParseFrom(quantized).Graph;
        Assert.Equal("DynamicQuantizeMatMul", graph.Node.Single().OpType);
        Assert.DoesNotContain(graph.Initializer, t => t.Name == "W");
        var exact = Run(original, input, batch, rows);
        var approximate = Run(quantized, input, batch, rows);
        Assert.True(TensorPrimitives.CosineSimilarity(exact, approximate) > 0.999);
        Assert.NotEqual(exact, approximate);
    }

    [Fact]
    public void Each_column_gets_its_own_scale()
    {
        var w = new TensorProto { Name = "W", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add(2);
        w.Dims.Add(2);
        w.FloatData.Add([0.5f, -100f, -0.25f, 50f]);

        var (q, scales, _) = Int8Quantizer.QuantizeColumns(w);

        Assert.Equal([0.5f / 127, 100f / 127], System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(scales.RawData.Span).ToArray());
        Assert.Equal([127, -127, -64, 64], q.RawData.Select(b => (int)(sbyte)b));
    }
}

/// <summary>The real MiniLM model with int8 weights: close to the float model, and a different cache key.</summary>
public sealed class Int8EncoderTests
{
    [Fact]
    public void Int8_vectors_stay_close_to_the_float_ones()
    {
        string[] texts = ["The coalition colluded with ISIS near Raqqa.", "The recipe needs two eggs and flour.", "5G towers spread the virus."];
        using var fp32 = SentenceEncoder.Load();
        using var int8 = SentenceEncoder.Load(int8: true);

        var a = fp32.Encode(texts);
        var b = int8.Encode(texts);

        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.InRange(TensorPrimitives.Dot(a[i], b[i]), 0.95f, 0.99999f));
        Assert.NotEqual(fp32.ModelKey, int8.ModelKey);
    }

    [Fact]
    public void The_int8_model_is_quantized_once_then_read_from_the_cache_file()
    {
        var folder = Directory.CreateTempSubdirectory("factdesk-int8-");
        try
        {
            var path = Path.Combine(folder.FullName, "models", "minilm-int8.onnx");

            var quantized = SentenceEncoder.ReadOrQuantize(path, fresh: false);

            Assert.Equal(quantized, File.ReadAllBytes(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
            // What the file holds is what the next process gets, without quantizing again ...
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.Equal([1, 2, 3], SentenceEncoder.ReadOrQuantize(path, fresh: false));
            // ... unless it asks for a fresh one (the encoder does when ONNX Runtime cannot read the cached file).
            Assert.Equal(quantized, SentenceEncoder.ReadOrQuantize(path, fresh: true));
            Assert.Equal(quantized, File.ReadAllBytes(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_query_encoder_is_the_int8_one()
    {
        using var queries = SentenceEncoder.LoadForQueries();

        Assert.True(queries.IsInt8);
    }
}

public sealed class ShippedMatcherTests
{
    [Fact]
    public void The_shipped_reranker_loads_and_reorders_a_pool()
    {
        var model = MatchReranker.Shipped;

        Assert.NotNull(model);
        Assert.Equal(30, model.Depth);
        var vector = new float[SentenceEncoder.Dimensions];
        vector[0] = 1;
        var query = RerankQuery.Of("Biden said 5 things", vector, vector);
        var pool = Enumerable.Range(0, 40)
            .Select(i => new RerankCandidate(new FactCheckEntry($"{i}", $"Claim {i} about Biden"), i, vector, null, TextProfile.Of($"Claim {i} about Biden"), 1 - i / 100.0, 40 - i, 40 - i, 0))
            .ToList();

        var ranked = model.Rerank(query, pool);

        Assert.Equal(pool.Select(c => c.Entry.Id).Order(), ranked.Select(r => r.Candidate.Entry.Id).Order());
        Assert.Equal(pool.Skip(30).Select(c => c.Entry.Id), ranked.Skip(30).Select(r => r.Candidate.Entry.Id));
    }
}
