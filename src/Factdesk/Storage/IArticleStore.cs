namespace Factdesk.Storage;

/// <summary>
/// Where ingested articles and their dossiers live. Every implementation keeps the same contract (the contract
/// tests run against each): an article and its dossier are stored together or not at all, and an article whose
/// canonical URL or content hash is already stored is never stored twice.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>
    /// Stores <paramref name="article"/> with its dossier in one transaction. When an article with the same
    /// canonical URL or content hash is already there, nothing is written and that article's id comes back.
    /// </summary>
    AddResult Add(ArticleRecord article);

    /// <summary>The id of a stored article with this canonical URL (when given) or this content hash, else null.</summary>
    long? FindExisting(string? canonicalUrl, string contentHash);

    /// <summary>The stored article with its dossier, or null when there is no such id.</summary>
    StoredArticle? Get(long id);

    /// <summary>Id and SimHash of every stored article that is not itself a copy: the candidates a new copy can link to.</summary>
    IReadOnlyList<(long Id, ulong SimHash)> Originals();

    /// <summary>
    /// Every stored article that is not a copy of another, by id, read one at a time: a copy would only repeat its
    /// original's passages to a reader.
    /// </summary>
    IEnumerable<StoredArticle> AllOriginals();

    int Count();
}

/// <summary>What <see cref="IArticleStore.Add"/> did: stored a new row (<see cref="Added"/>) or found <see cref="Id"/> already there.</summary>
public readonly record struct AddResult(long Id, bool Added);
