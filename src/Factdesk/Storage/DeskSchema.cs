namespace Factdesk.Storage;

/// <summary>The desk's part of the SQLite schema: accounts, API tokens, checks with their comments and evidence, and the audit log.</summary>
internal static class DeskSchema
{
    // Names compare without case so "Anna" and "anna" cannot be two accounts. Tokens are stored as SHA-256
    // hashes: a copy of the database does not hand out working tokens. The audit log keeps the user's name as
    // well as the id, so a row still says who acted after the account is renamed or removed.
    public static readonly SchemaStep Desk = new("desk accounts, checks and audit log", """
        CREATE TABLE users (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role          TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until  TEXT,
            created_at    TEXT NOT NULL
        );
        CREATE TABLE api_tokens (
            id         INTEGER PRIMARY KEY,
            user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name       TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE checks (
            id             INTEGER PRIMARY KEY,
            article_id     INTEGER NOT NULL REFERENCES articles(id),
            claim          TEXT NOT NULL,
            claim_start    INTEGER NOT NULL,
            claim_end      INTEGER NOT NULL,
            claimant       TEXT,
            claimant_title TEXT,
            status         TEXT NOT NULL,
            assignee_id    INTEGER REFERENCES users(id),
            verdict        TEXT,
            summary        TEXT,
            analysis       TEXT,
            created_by     INTEGER NOT NULL REFERENCES users(id),
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            published_at   TEXT,
            UNIQUE (article_id, claim_start, claim_end)
        );
        CREATE TABLE check_comments (
            id         INTEGER PRIMARY KEY,
            check_id   INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
            user_id    INTEGER NOT NULL REFERENCES users(id),
            text       TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE check_evidence (
            id         INTEGER PRIMARY KEY,
            check_id   INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
            user_id    INTEGER NOT NULL REFERENCES users(id),
            url        TEXT,
            note       TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id         INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            user_id    INTEGER,
            user_name  TEXT NOT NULL,
            action     TEXT NOT NULL,
            article_id INTEGER,
            check_id   INTEGER,
            detail     TEXT
        );
        CREATE INDEX audit_log_check ON audit_log(check_id);
        """);

    // Added after the desk shipped, so a step of its own. A check's status is the key of a row here; teams rename the
    // names and add rows, while the keys "new" (where checks start) and "published" (what publishing sets) stay. The
    // security stamp changes when an admin resets a password or disables the account: sessions signed in with the old
    // stamp end on their next request.
    public static readonly SchemaStep Workflow = new("desk check statuses, disabled accounts, security stamps", """
        CREATE TABLE check_statuses (
            key      TEXT PRIMARY KEY,
            name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
            position INTEGER NOT NULL
        );
        INSERT INTO check_statuses (key, name, position) VALUES
            ('new', 'New', 0), ('researching', 'Researching', 1), ('in-review', 'In review', 2), ('published', 'Published', 3);
        ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        CREATE INDEX checks_status ON checks(status, updated_at);
        CREATE INDEX checks_claimant ON checks(claimant);
        CREATE INDEX check_comments_check ON check_comments(check_id, id);
        CREATE INDEX check_evidence_check ON check_evidence(check_id, id);
        """);
}
