using System.Globalization;
using Factdesk.Ingestion;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>One thing `factdesk doctor` looked at, whether it holds, and what was seen.</summary>
public sealed record DoctorCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Checks that a Factdesk database is whole: SQLite's own page and index checks, the foreign keys, the full-text
/// index against the fact-checks it indexes, and no article without its dossier. A kill in the middle of
/// `ingest` or `import` must leave all of these true, since every write is one transaction.
/// </summary>
public static class StoreDoctor
{
    public static IReadOnlyList<DoctorCheck> Examine(string path)
    {
        using var connection = OpenForChecks(path);
        var checks = new List<DoctorCheck>();
        try
        {
            var version = SqliteMigrator.UserVersion(connection);
            var known = SchemaSteps.All.Count;
            checks.Add(SchemaVersion(connection, version, known));
            checks.Add(Pragma(connection, "SQLite integrity", "PRAGMA integrity_check", "ok"));
            checks.Add(ForeignKeys(connection));
            if (version >= 1 && HasTable(connection, "articles"))
            {
                checks.Add(Orphans(connection, "every article has its dossier",
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.article_id = a.id)", "article(s) without a dossier"));
                checks.Add(Orphans(connection, "every dossier has its article",
                    "SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)", "dossier(s) without an article"));
            }
            if (version >= 2 && HasTable(connection, "fact_checks"))
            {
                checks.Add(FtsIntegrity(connection, "fact_checks_fts"));
                checks.Add(Orphans(connection, "every fact-check is in the full-text index",
                    "SELECT count(*) FROM fact_checks c WHERE NOT EXISTS (SELECT 1 FROM fact_checks_fts f WHERE f.rowid = c.id)", "fact-check(s) not indexed"));
                checks.Add(Orphans(connection, "every full-text entry has its fact-check",
                    "SELECT count(*) FROM fact_checks_fts f WHERE NOT EXISTS (SELECT 1 FROM fact_checks c WHERE c.id = f.rowid)", "index entr(ies) without a fact-check"));
            }
        }
        catch (SqliteException e)
        {
            // Damage bad enough that a check cannot even run is itself the finding, not a crash of the doctor.
            checks.Add(new DoctorCheck("readable", false, OneLine(e.Message)));
        }
        return checks;
    }

    /// <summary>
    /// Opens an existing file without creating or migrating it: the doctor must look at the database as it is.
    /// A file that is not SQLite at all is an input error, not a failed check.
    /// </summary>
    internal static SqliteConnection OpenForChecks(string path)
    {
        if (Directory.Exists(path))
            throw new InputException(path, "is a directory, not a database file");
        if (!File.Exists(path))
            throw new InputException(path, "no such database");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            // SQLite reads the header lazily; touching the schema is what tells a database from any other file.
            using var probe = SqliteDatabase.Command(connection, null, "SELECT count(*) FROM sqlite_schema; PRAGMA busy_timeout = 5000;");
            probe.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InputException(path, $"is not a SQLite database ({OneLine(e.Message)})");
        }
        return connection;
    }

    private static DoctorCheck SchemaVersion(SqliteConnection connection, int version, int known)
    {
        if (version > 0)
            return new DoctorCheck("schema version", version <= known, $"{version} of {known} known");
        // A process killed while creating the database leaves SQLite's empty file before the first schema step
        // commits; the next ingest or import sets it up, so it is healthy. Tables without a version are not Factdesk's.
        using var command = SqliteDatabase.Command(connection, null, "SELECT count(*) FROM sqlite_schema");
        var empty = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0;
        return new DoctorCheck("schema version", empty,
            empty ? "0: empty, set up by the next ingest or import" : "0: has tables but no Factdesk schema version (not a Factdesk database)");
    }

    private static DoctorCheck Pragma(SqliteConnection connection, string name, string sql, string healthy)
    {
        var lines = Lines(connection, sql);
        var passed = lines.Count == 1 && lines[0] == healthy;
        return new DoctorCheck(name, passed, passed ? healthy : string.Join("; ", lines.Take(5)));
    }

    private static DoctorCheck ForeignKeys(SqliteConnection connection)
    {
        using var command = SqliteDatabase.Command(connection, null, "PRAGMA foreign_key_check");
        using var row = command.ExecuteReader();
        var broken = new List<string>();
        while (row.Read())
            broken.Add($"{row.GetString(0)} row {(row.IsDBNull(1) ? "?" : row.GetInt64(1).ToString(CultureInfo.InvariantCulture))} -> {row.GetString(2)}");
        return new DoctorCheck("foreign keys", broken.Count == 0,
            broken.Count == 0 ? "no dangling references" : $"{broken.Count} dangling: {string.Join("; ", broken.Take(5))}");
    }

    private static DoctorCheck FtsIntegrity(SqliteConnection connection, string table)
    {
        try
        {
            // FTS5's own check; it raises SQLITE_CORRUPT rather than returning rows when the index is damaged.
            using var command = SqliteDatabase.Command(connection, null, $"INSERT INTO {table}({table}) VALUES('integrity-check')");
            command.ExecuteNonQuery();
            return new DoctorCheck($"full-text index {table}", true, "ok");
        }
        catch (SqliteException e)
        {
            return new DoctorCheck($"full-text index {table}", false, OneLine(e.Message));
        }
    }

    private static DoctorCheck Orphans(SqliteConnection connection, string name, string countSql, string what)
    {
        using var command = SqliteDatabase.Command(connection, null, countSql);
        var count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new DoctorCheck(name, count == 0, count == 0 ? "none missing" : $"{count} {what}");
    }

    private static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = SqliteDatabase.Command(connection, null, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $name");
        command.Bind("$name", table);
        return command.ExecuteScalar() is not null;
    }

    private static List<string> Lines(SqliteConnection connection, string sql)
    {
        using var command = SqliteDatabase.Command(connection, null, sql);
        using var row = command.ExecuteReader();
        var lines = new List<string>();
        while (row.Read())
            lines.Add(row.GetValue(0)?.ToString() ?? "");
        return lines;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
