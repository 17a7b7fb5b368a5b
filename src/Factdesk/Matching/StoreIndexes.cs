using Factdesk.Retrieval;
using Factdesk.Storage;

namespace Factdesk.Matching;

/// <summary>
/// The two in-memory indexes a store search runs on, both labelled with fact-check ids: an HNSW graph of the claim and
/// title vectors and BM25 postings of their <see cref="SearchTerms"/>. The store keeps each between runs
/// (<see cref="IFactCheckStore.SaveIndex"/>: files beside a SQLite database, a table in PostgreSQL). Fact-checks are only ever added, with rising ids, so bringing a saved
/// index up to date means adding those stored after its last label; an index that does not account for every stored
/// fact-check afterwards (a damaged file, or one left by another database) is rebuilt from the store.
/// </summary>
public sealed class StoreIndexes
{
    /// <summary>Links per HNSW node: 16 (32 on layer 0), the usual choice for a few hundred dimensions.</summary>
    public const int Links = 16;

    /// <summary>HNSW beam width while building; see docs/BENCHMARKS.md for the recall it gives.</summary>
    public const int BuildBreadth = 100;

    // Fact-checks read from the store per parallel graph insertion.
    private const int Batch = 10_000;

    private StoreIndexes(HnswIndex vectors, Bm25Postings terms)
    {
        Vectors = vectors;
        Terms = terms;
    }

    public HnswIndex Vectors { get; }

    public Bm25Postings Terms { get; }

    /// <summary>The last fact-check both indexes hold: later ones are left out of a search until it is reopened.</summary>
    public long LastId => Math.Min(Vectors.LastLabel, Terms.LastLabel);

    /// <summary>The terms a fact-check is found by: those of its claim and title together.</summary>
    public static List<string> TermsOf(string claim, string? title) => SearchTerms.Of(title is null ? claim : claim + " " + title);

    /// <summary>Loads the saved indexes, adds what was stored since, saves those that changed, and returns them.</summary>
    /// <param name="progress">Told (fact-checks read, fact-checks in the store) now and then while indexing.</param>
    public static StoreIndexes Open(IFactCheckStore store, Action<int, int>? progress = null)
    {
        var total = store.Count();
        var vectors = Load(store, SearchIndexFiles.Vectors, HnswIndex.Load) is { } v && v.LabelCount <= total ? v : NewGraph(total);
        var terms = Load(store, SearchIndexFiles.Terms, Bm25Postings.Load) is { } t && t.Count <= total ? t : new Bm25Postings();
        var (addedVectors, addedTerms) = CatchUp(store, vectors, terms, total, progress);
        // Whatever does not hold every stored fact-check now was not this store's index: build it again.
        if (vectors.LabelCount != total || terms.Count != total)
        {
            if (vectors.LabelCount != total) vectors = NewGraph(total);
            if (terms.Count != total) terms = new Bm25Postings();
            var (moreVectors, moreTerms) = CatchUp(store, vectors, terms, total, progress);
            (addedVectors, addedTerms) = (addedVectors + moreVectors, addedTerms + moreTerms);
        }
        if (addedVectors > 0) store.SaveIndex(SearchIndexFiles.Vectors, vectors.Save);
        if (addedTerms > 0) store.SaveIndex(SearchIndexFiles.Terms, terms.Save);
        return new StoreIndexes(vectors, terms);
    }

    private static HnswIndex NewGraph(int expected) =>
        new(SentenceEncoder.Dimensions, Links, BuildBreadth, capacity: Math.Max(16, expected * 2));

    // One pass over the store for both indexes, from the older of their last labels. Vectors are linked into the
    // graph a batch at a time on every core, which is most of the time an index takes to build.
    private static (int Vectors, int Terms) CatchUp(IFactCheckStore store, HnswIndex vectors, Bm25Postings terms, int total, Action<int, int>? progress)
    {
        var (addedVectors, addedTerms, read) = (0, 0, 0);
        var indexedVectors = vectors.LastLabel;
        var batch = new List<(long, float[])>(2 * Batch);
        foreach (var row in store.VectorsAfter(Math.Min(vectors.LastLabel, terms.LastLabel)))
        {
            if (row.Id > indexedVectors)
            {
                batch.Add((row.Id, row.Embedding));
                if (row.TitleEmbedding is { } title) batch.Add((row.Id, title));
                addedVectors++;
            }
            if (row.Id > terms.LastLabel)
            {
                terms.Add(row.Id, TermsOf(row.Claim, row.Title));
                addedTerms++;
            }
            if (++read % Batch == 0)
            {
                vectors.AddRange(batch, Environment.ProcessorCount);
                batch.Clear();
                progress?.Invoke(read, total);
            }
        }
        vectors.AddRange(batch, Environment.ProcessorCount);
        return (addedVectors, addedTerms);
    }

    private static T? Load<T>(IFactCheckStore store, string name, Func<Stream, T> read) where T : class
    {
        try
        {
            using var stream = store.ReadIndex(name);
            return stream is null ? null : read(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // An unreadable or damaged index is only a rebuild.
            return null;
        }
    }
}
