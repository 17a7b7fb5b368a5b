namespace Factdesk.Storage;

/// <summary>One article as it is stored: where it came from, what the page says about itself, its text and fingerprints.</summary>
public sealed record ArticleRecord(
    string Text,
    string ContentHash,
    ulong SimHash,
    string DossierJson,
    string? Url = null,
    string? CanonicalUrl = null,
    string? Path = null,
    string? Title = null,
    string? Site = null,
    DateTimeOffset? Published = null,
    string? Language = null,
    IReadOnlyList<string>? Authors = null,
    long? DuplicateOf = null);

/// <summary>A stored article with the id and time the store gave it.</summary>
public sealed record StoredArticle(long Id, ArticleRecord Article, DateTimeOffset IngestedAt);
