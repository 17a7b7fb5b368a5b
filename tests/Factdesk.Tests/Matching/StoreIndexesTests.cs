using Factdesk.Matching;
using Factdesk.Storage;
using Factdesk.Tests.Storage;

namespace Factdesk.Tests.Matching;

public sealed class StoreIndexesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static long IdOf(IFactCheckStore store, string key) => store.All().Single(f => f.FactCheck.SourceKey == key).Id;

    [Fact]
    public void The_indexes_are_saved_beside_the_store_and_catch_up_with_later_imports()
    {
        var db = _temp.File("facts.db");
        using var store = SqliteFactCheckStore.Open(db);
        store.AddAll([FactCheckStoreContract.Fact("k1", "The bridge was closed.", 1, "Title one"), FactCheckStoreContract.Fact("k2", "Taxes rose.", 5)]);
        var indexes = StoreIndexes.Open(store);
        Assert.True(File.Exists(db + ".hnsw"));
        Assert.True(File.Exists(db + ".bm25"));
        Assert.Equal((3, 2, 2), (indexes.Vectors.Count, indexes.Vectors.LabelCount, indexes.Terms.Count));

        store.AddAll([FactCheckStoreContract.Fact("k3", "The tunnel was closed.", 9)]);
        indexes = StoreIndexes.Open(store);
        Assert.Equal((4, 3, 3), (indexes.Vectors.Count, indexes.Vectors.LabelCount, indexes.Terms.Count));
        Assert.Equal(IdOf(store, "k3"), indexes.LastId);
        Assert.Equal(IdOf(store, "k3"), indexes.Vectors.Search(FactCheckStoreContract.Axis(9), 1, 10)[0].Label);
        // The title's vector (axis 2) finds its fact-check too, and its words are searchable.
        Assert.Equal(IdOf(store, "k1"), indexes.Vectors.Search(FactCheckStoreContract.Axis(2), 1, 10)[0].Label);
        Assert.Equal(IdOf(store, "k1"), Assert.Single(indexes.Terms.Search(["one"], 10)).Label);
        Assert.Equal([IdOf(store, "k1"), IdOf(store, "k3")], indexes.Terms.Search(SearchTerms.Of("closed"), 10).Select(h => h.Label).Order());
    }

    [Fact]
    public void A_damaged_or_foreign_index_file_is_rebuilt()
    {
        var db = _temp.File("facts.db");
        using var store = SqliteFactCheckStore.Open(db);
        store.AddAll([FactCheckStoreContract.Fact("k1", "One.", 1), FactCheckStoreContract.Fact("k2", "Two.", 5)]);
        File.WriteAllText(db + ".hnsw", "damaged");
        File.WriteAllText(db + ".bm25", "damaged");
        var rebuilt = StoreIndexes.Open(store);
        Assert.Equal((2, 2), (rebuilt.Vectors.LabelCount, rebuilt.Terms.Count));

        // Indexes of a bigger database, copied beside this one, hold labels this store does not have.
        var other = _temp.File("other.db");
        using (var big = SqliteFactCheckStore.Open(other))
        {
            big.AddAll(Enumerable.Range(0, 5).Select(i => FactCheckStoreContract.Fact("b" + i, "Claim " + i, 10 + i)).ToList());
            StoreIndexes.Open(big);
        }
        File.Copy(other + ".hnsw", db + ".hnsw", overwrite: true);
        File.Copy(other + ".bm25", db + ".bm25", overwrite: true);
        var indexes = StoreIndexes.Open(store);
        Assert.Equal((2, 2), (indexes.Vectors.LabelCount, indexes.Terms.Count));
        Assert.Equal(IdOf(store, "k2"), indexes.Vectors.Search(FactCheckStoreContract.Axis(5), 1, 10)[0].Label);
        Assert.Equal(IdOf(store, "k2"), Assert.Single(indexes.Terms.Search(["two"], 10)).Label);
    }
}
