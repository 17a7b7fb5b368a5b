namespace Factdesk.Storage;

/// <summary>
/// Where published fact-checks live, for matching new claims against them. Every implementation keeps the same
/// contract (the contract tests run against each): a batch is stored whole or not at all, a source key is stored
/// once, and every stored fact-check has its claim's embedding.
/// </summary>
public interface IFactCheckStore : IDisposable
{
    /// <summary>Those of <paramref name="sourceKeys"/> that are already stored.</summary>
    IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> sourceKeys);

    /// <summary>
    /// Stores <paramref name="records"/> in one transaction and returns how many were new; a record whose source key
    /// is already stored is left as it is. Each record needs its <see cref="FactCheckRecord.Embedding"/>.
    /// </summary>
    int AddAll(IReadOnlyList<FactCheckRecord> records);

    /// <summary>
    /// Gives stored fact-checks the summary and analysis of the records with their source keys, in one transaction,
    /// and returns how many changed. Only what a record has is written: a record without an analysis never erases
    /// one, so importing a publisher's file again cannot undo a team's writing. Keys not stored are ignored.
    /// </summary>
    int UpdateWriting(IReadOnlyList<FactCheckRecord> records);

    StoredFactCheck? Get(long id);

    /// <summary>Every stored fact-check in the order it was stored.</summary>
    IEnumerable<StoredFactCheck> All();

    /// <summary>The vectors of the fact-checks stored with an id above <paramref name="afterId"/>, in id order, read as they are enumerated.</summary>
    IEnumerable<FactCheckVectors> VectorsAfter(long afterId);

    /// <summary>The vectors of those of <paramref name="ids"/> that are stored, in no particular order.</summary>
    IReadOnlyList<FactCheckVectors> VectorsOf(IReadOnlyCollection<long> ids);

    /// <summary>
    /// The saved search index named <paramref name="name"/> (a <see cref="SearchIndexFiles"/> extension), built from
    /// this store earlier; null when none was saved or it cannot be read, and the index is then built again.
    /// </summary>
    Stream? ReadIndex(string name);

    /// <summary>
    /// Saves a search index built from this store under <paramref name="name"/>, whole or not at all, replacing the one
    /// saved before. A store that cannot save it says nothing: the index is only built again next time.
    /// </summary>
    void SaveIndex(string name, Action<Stream> write);

    /// <summary>
    /// The best <paramref name="top"/> fact-checks by the database's own full-text rank over claim and title for
    /// <paramref name="terms"/> (<see cref="Matching.SearchTerms"/> of the query), best first, with scores where higher
    /// is better: BM25 in SQLite, <c>ts_rank</c> in PostgreSQL, so scores are comparable only within one store. The
    /// matcher does not use it (it ranks with the BM25 postings of <see cref="Matching.StoreIndexes"/> on every store).
    /// </summary>
    IReadOnlyList<(long Id, double Score)> SearchText(IReadOnlyList<string> terms, int top);

    int Count();
}
