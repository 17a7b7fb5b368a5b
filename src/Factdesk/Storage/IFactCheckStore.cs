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
    /// Where an index built from this store (ending in <paramref name="extension"/>) is kept between runs, beside the
    /// store; null when the store has no place for one, and the index is then built in memory each time.
    /// </summary>
    string? SidecarPath(string extension);

    /// <summary>
    /// The best <paramref name="top"/> fact-checks by BM25 over claim and title for <paramref name="terms"/>
    /// (<see cref="Matching.SearchTerms"/> of the query), best first, with scores where higher is better.
    /// </summary>
    IReadOnlyList<(long Id, double Score)> SearchText(IReadOnlyList<string> terms, int top);

    int Count();
}
