using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>
/// What every <see cref="IFactCheckStore"/> must do. Each implementation's test class derives from this one and
/// says how to open a fresh store, so SQLite today and PostgreSQL later pass the same tests.
/// </summary>
public abstract class FactCheckStoreContract : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    /// <summary>Opens the store kept under <paramref name="name"/>; opening the same name again reopens it.</summary>
    protected abstract IFactCheckStore Open(string name = "facts");

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A unit vector along one axis: distinct fact-checks get orthogonal embeddings.</summary>
    internal static float[] Axis(int axis)
    {
        var vector = new float[SentenceEncoder.Dimensions];
        vector[axis] = 1;
        return vector;
    }

    internal static FactCheckRecord Fact(string key, string claim, int axis = 0, string? title = null) =>
        new(key, claim, Title: title, Claimant: "A. Senator", ClaimantTitle: "senator", ClaimDate: "2026-11-01",
            Verdict: "Mostly False", RatingValue: 2, BestRating: 5, WorstRating: 1, Url: $"https://checks.example/{key}",
            Publisher: "Example Checks", Language: "en", ReviewDate: "2026-11-03", ClaimReviewJson: """{"@type":"ClaimReview"}""",
            Embedding: Axis(axis), TitleEmbedding: title is null ? null : Axis(axis + 1),
            Summary: "Closed for two years, not ten.", Analysis: "## Records\n\nThe council's [minutes](https://council.example/m) say so.");

    [Fact]
    public void A_stored_fact_check_comes_back_with_every_field_and_its_vectors()
    {
        using var store = Open();
        var fact = Fact("k1", "The bridge was closed for ten years.", axis: 3, title: "Was the bridge closed?");
        Assert.Equal(1, store.AddAll([fact]));
        var stored = Assert.Single(store.All());
        Assert.Equal(fact.WithoutVectors(), stored.FactCheck.WithoutVectors());
        Assert.Equal(fact.Embedding, stored.FactCheck.Embedding);
        Assert.Equal(fact.TitleEmbedding, stored.FactCheck.TitleEmbedding);
        Assert.Equal(fact.WithoutVectors(), store.Get(stored.Id)!.FactCheck.WithoutVectors());
        Assert.Null(store.Get(stored.Id + 1000));
        var vectors = Assert.Single(store.VectorsAfter(0));
        Assert.Equal((stored.Id, fact.Claim, fact.Title), (vectors.Id, vectors.Claim, vectors.Title));
        Assert.Equal(fact.Embedding, vectors.Embedding);
        Assert.Equal(fact.TitleEmbedding, vectors.TitleEmbedding);
        Assert.Empty(store.VectorsAfter(stored.Id));
        Assert.Equal(stored.Id, Assert.Single(store.VectorsOf([stored.Id, stored.Id + 1000])).Id);
        Assert.Empty(store.VectorsOf([]));
    }

    [Fact]
    public void Writing_is_updated_by_key_and_never_erased_by_a_record_without_it()
    {
        using var store = Open();
        store.AddAll([Fact("k1", "One claim."), Fact("k2", "Another claim.", 1)]);
        var edited = Fact("k1", "One claim, as another file words it.") with { Analysis = "Rewritten by the desk." };
        var silent = Fact("k2", "Another claim.") with { Summary = null, Analysis = null };
        Assert.Equal(1, store.UpdateWriting([edited, silent, Fact("missing", "Not stored.")]));
        var stored = store.All().ToDictionary(f => f.FactCheck.SourceKey, f => f.FactCheck);
        Assert.Equal(("One claim.", "Rewritten by the desk.", Fact("k1", "x").Summary), (stored["k1"].Claim, stored["k1"].Analysis, stored["k1"].Summary));
        Assert.Equal(Fact("k2", "x").Analysis, stored["k2"].Analysis);
        Assert.Equal(0, store.UpdateWriting([edited]));
        Assert.Equal(2, store.Count());
    }

    [Fact]
    public void A_source_key_is_stored_once()
    {
        using var store = Open();
        Assert.Equal(2, store.AddAll([Fact("k1", "One claim."), Fact("k2", "Another claim.", 1)]));
        Assert.Equal(1, store.AddAll([Fact("k1", "One claim, edited."), Fact("k3", "A third.", 2)]));
        Assert.Equal(3, store.Count());
        Assert.Equal(new HashSet<string> { "k1", "k3" }, store.ExistingKeys(["k1", "k3", "k9"]).ToHashSet());
        Assert.Equal("One claim.", store.All().First().FactCheck.Claim);
    }

    [Fact]
    public void A_batch_with_a_bad_record_stores_nothing()
    {
        using var store = Open();
        Assert.ThrowsAny<Exception>(() => store.AddAll([Fact("k1", "Fine."), Fact("k2", "No vector.") with { Embedding = null }]));
        Assert.ThrowsAny<Exception>(() => store.AddAll([Fact("k1", "Fine."), Fact("k2", "Short vector.") with { Embedding = new float[3] }]));
        Assert.Equal(0, store.Count());
        Assert.Empty(store.SearchText(["fine"], 10));
    }

    [Fact]
    public void Text_search_ranks_by_bm25_over_claim_and_title_best_first()
    {
        using var store = Open();
        store.AddAll([
            Fact("bridge", "The river bridge closed in 2019.", 0),
            Fact("vaccine", "Vaccines cause autism in children.", 1, title: "Do vaccines cause autism?"),
            Fact("flood", "The river flooded the town.", 3),
        ]);
        var ids = store.All().ToDictionary(f => f.FactCheck.SourceKey, f => f.Id);

        var hits = store.SearchText(SearchTerms.Of("Vaccines and autism"), 10);
        Assert.Equal(ids["vaccine"], hits[0].Id);
        Assert.True(hits[0].Score > 0);
        Assert.DoesNotContain(hits, h => h.Id == ids["bridge"]);

        var river = store.SearchText(SearchTerms.Of("river bridge"), 10);
        Assert.Equal(ids["bridge"], river[0].Id);
        Assert.True(river[0].Score > river[1].Score);
        Assert.Single(store.SearchText(SearchTerms.Of("river bridge"), 1));
    }

    [Fact]
    public void Text_search_treats_query_syntax_as_words()
    {
        using var store = Open();
        store.AddAll([Fact("k", "Masks do NOT work, says the post.")]);
        Assert.Empty(store.SearchText([], 10));
        Assert.Single(store.SearchText(["mask", "\"", "not*", "or", "near(", "-"], 10));
    }

    [Fact]
    public void What_is_stored_is_there_after_reopening()
    {
        using (var store = Open("kept"))
            store.AddAll([Fact("kept", "Kept claim.")]);
        using var reopened = Open("kept");
        Assert.Equal(0, reopened.AddAll([Fact("kept", "Kept claim.")]));
        Assert.Single(reopened.SearchText(["kept"], 10));
    }
}
