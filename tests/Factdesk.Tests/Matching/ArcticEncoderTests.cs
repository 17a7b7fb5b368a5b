using System.Numerics.Tensors;
using Factdesk.Matching;
using Factdesk.Storage;
using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Matching;

/// <summary>
/// arctic-embed-xs, the reranker's second encoder: its own model, pooling and query instruction, and the store search
/// computing its features as the in-memory matcher (eval match, train matcher) does.
/// </summary>
public sealed class ArcticEncoderTests : IDisposable
{
    private static readonly Lazy<SentenceEncoder> Arctic = new(() => SentenceEncoder.LoadArctic());
    private static readonly Lazy<SentenceEncoder> MiniLm = new(() => SentenceEncoder.Load());

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Queries_carry_the_instruction_and_texts_searched_do_not()
    {
        const string query = "Trump laughed when a man at his rally said to shoot migrants";
        var asQuery = Arctic.Value.EncodeQueries([query])[0];

        Assert.Equal(asQuery, Arctic.Value.Encode(SentenceEncoder.ArcticQueryPrefix + query), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.True(TensorPrimitives.Dot(asQuery, Arctic.Value.Encode(query)) < 0.99f);
        // MiniLM was trained without instructions: a query is encoded as any text.
        Assert.Equal(MiniLm.Value.Encode(query), MiniLm.Value.EncodeQueries([query])[0]);
    }

    [Fact]
    public void Its_vectors_are_unit_length_in_their_own_space_and_cached_under_their_own_key()
    {
        var arctic = Arctic.Value.Encode("The mayor said 400 people came to the rally");
        var miniLm = MiniLm.Value.Encode("The mayor said 400 people came to the rally");

        Assert.Equal(SentenceEncoder.Dimensions, arctic.Length);
        Assert.Equal(1, TensorPrimitives.Norm(arctic), 4);
        Assert.True(TensorPrimitives.Dot(arctic, miniLm) < 0.5f);
        Assert.NotEqual(MiniLm.Value.ModelKey, Arctic.Value.ModelKey);
        Assert.True(Arctic.Value.IsArctic);
        Assert.False(Arctic.Value.IsInt8);
    }

    [Fact]
    public void A_query_is_nearer_the_claim_it_restates_than_a_claim_on_the_same_person()
    {
        var query = Arctic.Value.EncodeQueries(["Trump chuckled after someone in the crowd yelled \"shoot them\" about migrants at the border"])[0];
        var claims = Arctic.Value.Encode([
            "U.S. President Donald Trump laughed during a rally in Florida when an audience member suggested shooting migrants.",
            "After the 2019 El Paso shooting, President Trump deleted tweets that referred to immigrants as invaders.",
        ]);

        Assert.True(TensorPrimitives.Dot(query, claims[0]) > TensorPrimitives.Dot(query, claims[1]));
    }

    private static readonly (string Key, string Claim, string Title)[] Collection =
    [
        ("rally", "The mayor said 400 people came to the rally in Springfield", "Rally in Springfield"),
        ("rally-2", "The mayor said 410 people came to the rally in Riverton", "Rally in Riverton"),
        ("flood", "A photograph shows the flood in Lakeside last spring", "Lakeside flood photo"),
        ("tax", "The council raised the property tax by 4 percent", ""),
        ("bridge", "The new bridge in Fairview cost twice its budget", "Fairview bridge costs"),
    ];

    /// <summary>A model trained with arctic's features on pools of <see cref="Collection"/>, as `train matcher` trains one.</summary>
    private static MatchReranker Trained(ClaimMatcher matcher)
    {
        var groups = new List<RerankGroup>();
        foreach (var (key, claim, _) in Collection)
            foreach (var query in new[] { claim, claim.ToUpperInvariant(), $"Is it true? {claim}" })
            {
                var prepared = RerankQuery.Encode([query], [MiniLm.Value.Encode(query)], MiniLm.Value)[0] with { SecondVector = Arctic.Value.EncodeQueries([query])[0] };
                groups.Add(new RerankGroup(prepared, matcher.SecondCosines(prepared, matcher.Pool(query, prepared.Vector), 5), new HashSet<string> { key }) { Second = true });
            }
        return MatchReranker.Train(groups, new MatchRerankerOptions(Iterations: 20, Leaves: 4, MinimumExamplesPerLeaf: 2, Depth: 5), MatchReranker.ArcticEncoder);
    }

    [Fact]
    public void The_store_search_computes_arctics_features_as_the_in_memory_matcher_does()
    {
        var entries = Collection.Select(c => new FactCheckEntry(c.Key, c.Claim, c.Title.Length == 0 ? null : c.Title)).ToList();
        var matcher = new ClaimMatcher(entries, MiniLm.Value);
        matcher.UseSecondVectors(Arctic.Value.Encode(entries.ConvertAll(e => e.Claim)), ClaimMatcher.EncodeTitles(entries, Arctic.Value));
        var model = Trained(matcher);
        var path = _temp.File("arctic-matcher.zip");
        model.Save(path);
        var loaded = MatchReranker.LoadFile(path);

        using var store = SqliteFactCheckStore.Open(_temp.File("facts.db"));
        var claimVectors = MiniLm.Value.Encode(entries.ConvertAll(e => e.Claim));
        var titleVectors = ClaimMatcher.EncodeTitles(entries, MiniLm.Value);
        store.AddAll(entries.Select((e, i) => FactCheckStoreContract.Fact(e.Id, e.Claim) with { Title = e.Title, Embedding = claimVectors[i], TitleEmbedding = titleVectors[i] }).ToList());
        // No encoder given: the search loads the one the model names.
        var search = new FactCheckSearch(store, MiniLm.Value) { Reranker = loaded };

        foreach (var query in new[] { "How many came to the Springfield rally, says the mayor?", "property taxes went up", "the bridge was over budget" })
        {
            var prepared = RerankQuery.Encode([query], [MiniLm.Value.Encode(query)], MiniLm.Value)[0] with { SecondVector = Arctic.Value.EncodeQueries([query])[0] };
            var inMemory = matcher.Match(prepared, model, 5);
            var fromStore = search.Search(query, 5);

            Assert.Equal(inMemory.Select(h => h.Entry.Id), fromStore.Select(h => store.Get(FactCheckSearch.IdOf(h))!.FactCheck.SourceKey));
            Assert.Equal(inMemory.Select(h => h.Score), fromStore.Select(h => h.Rerank!.Value), (a, b) => Math.Abs(a - b) < 1e-4);
        }
    }
}
