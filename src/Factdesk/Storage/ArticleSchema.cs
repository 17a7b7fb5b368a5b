namespace Factdesk.Storage;

/// <summary>The article part of the SQLite schema.</summary>
internal static class ArticleSchema
{
    // content_hash is unique and canonical_url unique where known: the database itself refuses a second copy,
    // so two ingest runs racing each other still cannot store one article twice.
    // simhash is the 64-bit fingerprint stored as SQLite's signed INTEGER (same bits).
    public static readonly SchemaStep Articles = new("articles and their dossiers", """
        CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            url           TEXT,
            canonical_url TEXT,
            path          TEXT,
            title         TEXT,
            site          TEXT,
            published     TEXT,
            language      TEXT,
            authors       TEXT NOT NULL DEFAULT '[]',
            text          TEXT NOT NULL,
            content_hash  TEXT NOT NULL UNIQUE,
            simhash       INTEGER NOT NULL,
            duplicate_of  INTEGER REFERENCES articles(id),
            ingested_at   TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE TABLE dossiers (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            json       TEXT NOT NULL
        );
        """);
}
