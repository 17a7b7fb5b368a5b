namespace Factdesk.Storage;

/// <summary>The monitoring pipeline's part of the SQLite schema: alerts for the desk and which articles a worker has finished.</summary>
internal static class MonitorSchema
{
    // An alert is one (article, fact-check) pair, so a job delivered twice cannot raise the same alert twice.
    // monitored_articles marks an article whose alerts are recorded: a worker killed between storing the article and
    // recording its alerts finds the article stored but not marked, and does the alerts again on redelivery.
    public static readonly SchemaStep Alerts = new("monitoring alerts and finished articles", """
        CREATE TABLE alerts (
            id               INTEGER PRIMARY KEY,
            article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            fact_check_id    INTEGER NOT NULL REFERENCES fact_checks(id) ON DELETE CASCADE,
            article_claim    TEXT NOT NULL,
            fact_check_claim TEXT NOT NULL,
            verdict          TEXT,
            url              TEXT,
            score            REAL NOT NULL,
            created_at       TEXT NOT NULL,
            UNIQUE (article_id, fact_check_id)
        );
        CREATE INDEX alerts_created_at ON alerts(created_at);
        CREATE TABLE monitored_articles (
            article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            alerts      INTEGER NOT NULL,
            finished_at TEXT NOT NULL
        );
        """);
}
