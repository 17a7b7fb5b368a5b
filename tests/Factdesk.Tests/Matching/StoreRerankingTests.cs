using Factdesk.Matching;
using Factdesk.Storage;
using Factdesk.Tests.Storage;
using Factdesk.Web.Checks;
using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Factdesk.Tests.Matching;

/// <summary>
/// The reranker on the store search: a model trained, as `train matcher` trains, on in-memory pools of collections
/// that hold the claim twice (same claim, same title), where the later copy is the one judged relevant. The hybrid
/// score cannot tell the copies apart (a tie keeps store order: the earlier first); the twin features can, so the store
/// search must compute them as the in-memory pool does for the model to reorder.
/// </summary>
public sealed class StoreRerankingTests : IDisposable
{
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => SentenceEncoder.Load());
    private static readonly string[] Towns = ["Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Oakdale", "Milford", "Ashland", "Clayton", "Dover", "Salem", "Bristol"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Query(int number, string town) => $"The mayor said {number} people came to the rally in {town}";

    /// <summary>One collection: three claims about other towns, the query's claim, and the same again (the right one).</summary>
    private static List<(string Key, string Claim, string Title)> Collection(int number, string town) =>
    [
        .. Towns.Where(t => t != town).Take(3).Select((other, k) => ($"{town}-{k}", $"The mayor said {number + 10 * k} people came to the rally in {other}", $"Rally in {other}")),
        ($"{town}-copy", Query(number, town), $"Rally in {town}"),
        ($"{town}-right", Query(number, town), $"Rally in {town}"),
    ];

    private static MatchReranker Trained()
    {
        var groups = new List<RerankGroup>();
        var random = new Random(3);
        foreach (var town in Towns.Take(9))
        {
            for (var round = 0; round < 3; round++)
            {
                var number = random.Next(100, 900);
                var entries = Collection(number, town).Select(c => new FactCheckEntry(c.Key, c.Claim, c.Title)).ToList();
                var matcher = new ClaimMatcher(entries, Encoder.Value);
                var query = Query(number, town);
                var prepared = RerankQuery.Encode([query], [Encoder.Value.Encode(query)], Encoder.Value)[0];
                groups.Add(new RerankGroup(prepared, matcher.Pool(query, prepared.Vector), new HashSet<string> { $"{town}-right" }));
            }
        }
        return MatchReranker.Train(groups, new MatchRerankerOptions(Iterations: 40, Leaves: 4, MinimumExamplesPerLeaf: 3, Depth: 5));
    }

    private static readonly Lazy<MatchReranker> Model = new(Trained);

    private IFactCheckStore Store(int number, string town)
    {
        var store = SqliteFactCheckStore.Open(_temp.File($"{town}.db"));
        var claims = Collection(number, town);
        var vectors = Encoder.Value.Encode(claims.ConvertAll(c => c.Claim));
        var titles = Encoder.Value.Encode(claims.ConvertAll(c => c.Title));
        store.AddAll(claims.Select((c, i) => FactCheckStoreContract.Fact(c.Key, c.Claim) with { Title = c.Title, Embedding = vectors[i], TitleEmbedding = titles[i] }).ToList());
        return store;
    }

    private static string KeyOf(IFactCheckStore store, FactCheckHit hit) => store.Get(FactCheckSearch.IdOf(hit))!.FactCheck.SourceKey;

    [Fact]
    public void The_reranker_puts_first_what_the_features_say_and_none_keeps_the_hybrid_order()
    {
        // Held-out towns and numbers.
        foreach (var (number, town) in new[] { (472, Towns[9]), (615, Towns[10]), (238, Towns[11]) })
        {
            using var store = Store(number, town);
            var query = Query(number, town);
            var hybrid = new FactCheckSearch(store, Encoder.Value).Search(query, 5);
            var reranked = new FactCheckSearch(store, Encoder.Value) { Reranker = Model.Value }.Search(query, 5);

            Assert.Equal($"{town}-copy", KeyOf(store, hybrid[0]));
            Assert.Equal($"{town}-right", KeyOf(store, reranked[0]));
            Assert.All(hybrid, h => Assert.Null(h.Rerank));
            Assert.All(reranked, h => Assert.NotNull(h.Rerank));
            Assert.True(reranked[0].Rerank > reranked[1].Rerank);
            // The same fact-checks, each with the same hybrid score: the model only reorders.
            var scores = hybrid.ToDictionary(h => h.Entry.Id, h => h.Score);
            Assert.Equal(scores.Keys.Order(), reranked.Select(h => h.Entry.Id).Order());
            Assert.All(reranked, h => Assert.Equal(scores[h.Entry.Id], h.Score, 1e-6));
        }
    }

    [Fact]
    public void Levels_come_from_the_hybrid_score_of_each_reranked_hit()
    {
        using var store = Store(472, Towns[9]);
        var search = new FactCheckSearch(store, Encoder.Value) { Reranker = Model.Value };
        var hits = search.Search(Query(472, Towns[9]), 5);
        var scores = hits.Select(h => h.Score).Order().ToArray();
        // Suggest from the middle score, confident from the best: some hits of each level and some left out.
        var thresholds = new MatchThresholds(scores[2], scores[^1]);

        var matches = StoreMatch.Of(search, hits, thresholds);

        Assert.Equal(hits.Where(h => h.Score >= scores[2]).Select(h => h.Entry.Id), matches.Select(m => m.Hit.Entry.Id));
        Assert.All(matches, m => Assert.Equal(thresholds.LevelOf(m.Hit.Score), m.Level));
        Assert.Equal($"{Towns[9]}-right", matches[0].FactCheck.FactCheck.SourceKey);
        Assert.Equal(MatchLevel.Confident, matches[0].Level);
        Assert.Contains(matches, m => m.Level == MatchLevel.Suggest);
        Assert.True(matches.Count < hits.Count);
    }

    [Fact]
    public void Searching_by_text_gives_what_searching_with_the_encoded_vector_gives()
    {
        // The text search runs BM25 beside the encoder; the candidates and scores must be those of the two in a row.
        using var store = Store(615, Towns[10]);
        foreach (var query in new[] { Query(615, Towns[10]), $"rally in {Towns[1]}", "How many people came to the rally?" })
        {
            var search = new FactCheckSearch(store, Encoder.Value);
            var byText = search.Search(query, 5);
            var byVector = search.Search(query, Encoder.Value.Encode(query), 5);

            Assert.NotEmpty(byText);
            Assert.Equal(byVector.Select(h => (h.Entry.Id, h.Score, h.Bm25)), byText.Select(h => (h.Entry.Id, h.Score, h.Bm25)));
        }
        Assert.Empty(new FactCheckSearch(store, Encoder.Value).Search("?!", 5));
    }

    [Fact]
    public void The_desk_lists_earlier_fact_checks_in_the_reranked_order()
    {
        var (number, town) = (472, Towns[9]);
        Store(number, town).Dispose();
        var options = new DeskOptions(_temp.File($"{town}.db"), "");
        using var cache = new MemoryCache(new MemoryCacheOptions());
        using var otherCache = new MemoryCache(new MemoryCacheOptions());

        var reranked = new EarlierFactChecks(cache, Model.Value).Find(options, Query(number, town), 5);
        var hybrid = new EarlierFactChecks(otherCache, reranker: null).Find(options, Query(number, town), 5);

        // The two copies have the same claim: the address tells them apart.
        Assert.Equal($"https://checks.example/{town}-right", reranked[0].Url);
        Assert.Equal($"https://checks.example/{town}-copy", hybrid[0].Url);
        Assert.Equal(hybrid.Select(h => h.Url).Order(), reranked.Select(h => h.Url).Order());
    }
}
