namespace Factdesk.Storage;

/// <summary>
/// Opens the store a <c>--db</c> value names: a PostgreSQL connection string (<c>postgres://…</c>, <c>postgresql://…</c>
/// or keywords with <c>Host=</c>) or else a SQLite file. Every host (CLI, benchmarks) chooses here and nowhere else.
/// </summary>
public static class StoreFactory
{
    public static bool IsPostgres(string db) => PostgresDatabase.IsConnectionString(db);

    public static IFactCheckStore OpenFactChecks(string db) =>
        IsPostgres(db) ? PostgresFactCheckStore.Open(db) : SqliteFactCheckStore.Open(db);

    public static IArticleStore OpenArticles(string db) =>
        IsPostgres(db) ? PostgresArticleStore.Open(db) : SqliteArticleStore.Open(db);

    public static IAlertStore OpenAlerts(string db) =>
        IsPostgres(db) ? PostgresAlertStore.Open(db) : SqliteAlertStore.Open(db);

    /// <summary>What a message or log may show of <paramref name="db"/>: a PostgreSQL connection string without its password.</summary>
    public static string Shown(string db) => IsPostgres(db) ? PostgresDatabase.Shown(PostgresDatabase.Parse(db)) : db;

    /// <summary>Refuses a PostgreSQL database for what only works on a SQLite file (backup, restore, doctor).</summary>
    public static void RequireSqlite(string db, string what)
    {
        if (IsPostgres(db))
            throw new Ingestion.InputException(PostgresDatabase.Shown(PostgresDatabase.Parse(db)),
                $"is a PostgreSQL database; {what} works on SQLite files only: back it up with pg_dump and restore it with pg_restore (docs/DEPLOY.md)");
    }
}
