namespace Factdesk.Storage;

/// <summary>The fact-check part of the SQLite schema.</summary>
internal static class FactCheckSchema
{
    // source_key is unique, so two imports racing each other still store a fact-check once.
    // Embeddings are 384 little-endian float32 (all-MiniLM-L6-v2), checked by length so a wrong model cannot slip in.
    // The FTS table indexes the claim and title as Matching.SearchTerms reads them (stop words out, light stemming),
    // so its BM25 sees the same terms as the in-memory Bm25Index the matcher was tuned with. It holds no text of its
    // own (content=''); its rowid is the fact-check's id.
    public static readonly SchemaStep FactChecks = new("published fact-checks, their embeddings and a full-text index", """
        CREATE TABLE fact_checks (
            id              INTEGER PRIMARY KEY,
            source_key      TEXT NOT NULL UNIQUE,
            claim           TEXT NOT NULL,
            title           TEXT,
            claimant        TEXT,
            claimant_title  TEXT,
            claim_date      TEXT,
            verdict         TEXT,
            rating_value    REAL,
            best_rating     REAL,
            worst_rating    REAL,
            url             TEXT,
            publisher       TEXT,
            language        TEXT,
            review_date     TEXT,
            claim_review    TEXT,
            embedding       BLOB NOT NULL CHECK (length(embedding) = 1536),
            title_embedding BLOB CHECK (title_embedding IS NULL OR length(title_embedding) = 1536),
            imported_at     TEXT NOT NULL
        );
        CREATE INDEX fact_checks_url ON fact_checks(url) WHERE url IS NOT NULL;
        CREATE VIRTUAL TABLE fact_checks_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 2');
        """);

    // Added after fact_checks shipped, so as a step of its own: databases made before it gain two empty columns.
    public static readonly SchemaStep Writing = new("the summary and the Markdown analysis of each fact-check", """
        ALTER TABLE fact_checks ADD COLUMN summary TEXT;
        ALTER TABLE fact_checks ADD COLUMN analysis TEXT
        """);
}
