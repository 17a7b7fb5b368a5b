using System.Net.Sockets;
using Factdesk.Ingestion;
using Npgsql;

namespace Factdesk.Storage;

/// <summary>
/// Opening a Factdesk PostgreSQL database from what a user passes as <c>--db</c> (a <c>postgres://</c> URL or an Npgsql
/// connection string) and bringing its schema up to date.
/// </summary>
internal static class PostgresDatabase
{
    // Any fixed number: every Factdesk process that migrates or imports takes the same lock, whatever the schema.
    private const long MigrationLock = 0x4661_6374_6465_736B; // "Factdesk"

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsConnectionString(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    // The databases this process has brought up to date: the desk opens a connection per request and should not
    // take the migration lock each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Migrated = new();

    /// <summary>Connects and migrates; a server that cannot be reached or refuses is a one-line <see cref="InputException"/>.</summary>
    public static NpgsqlConnection Open(string db) => Open(db, migrate: true);

    /// <summary>
    /// Connects for one short unit of work (a desk request), migrating only the first time this process opens
    /// <paramref name="db"/>: a schema does not go back, and a newer Factdesk migrating meanwhile keeps the old tables.
    /// </summary>
    public static NpgsqlConnection Connect(string db)
    {
        var connection = Open(db, migrate: !Migrated.ContainsKey(db));
        Migrated.TryAdd(db, true);
        return connection;
    }

    private static NpgsqlConnection Open(string db, bool migrate)
    {
        var builder = Parse(db);
        var shown = Shown(builder);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            if (migrate) Migrate(connection, PostgresSchema.Steps, shown);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new InputException(shown, $"cannot be used as a Factdesk database ({Reason(e)})");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The connection string as it may be shown in a message or log: without the password.</summary>
    public static string Shown(NpgsqlConnectionStringBuilder builder)
    {
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (copy.Password is not null) copy.Password = "***";
        return copy.ConnectionString;
    }

    /// <summary>Reads a <c>postgres://user:password@host:port/database?key=value</c> URL or a keyword connection string.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        try
        {
            if (!db.Contains("://", StringComparison.Ordinal))
                return new NpgsqlConnectionStringBuilder(db);
            // Npgsql reads only keyword strings; libpq-style URLs are what most hosting providers hand out.
            var url = new Uri(db);
            var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
            if (url.Port > 0) builder.Port = url.Port;
            if (url.UserInfo.Length > 0)
            {
                var parts = url.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
            }
            if (url.AbsolutePath.Trim('/') is { Length: > 0 } database) builder.Database = Uri.UnescapeDataString(database);
            foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            // The string may hold a password: name the input without repeating it.
            throw new InputException("--db", $"is not a PostgreSQL connection string Factdesk can read ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>
    /// Runs the steps the database has not had, each in its own transaction with its version row, under an advisory lock so
    /// that two processes opening a new database at once do not both create it. PostgreSQL's DDL is transactional.
    /// </summary>
    public static void Migrate(NpgsqlConnection connection, IReadOnlyList<SchemaStep> steps, string name)
    {
        using (var table = Command(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"))
        {
            using var setup = connection.BeginTransaction();
            table.Transaction = setup;
            using (var lockCommand = Command(connection, setup, $"SELECT pg_advisory_xact_lock({MigrationLock})"))
                lockCommand.ExecuteNonQuery();
            table.ExecuteNonQuery();
            setup.Commit();
        }
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            using (var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})"))
                lockCommand.ExecuteNonQuery();
            var version = Version(connection, transaction);
            if (version > steps.Count)
                throw new InputException(name, $"has schema version {version}, newer than this Factdesk knows ({steps.Count}); use a newer Factdesk");
            if (version == steps.Count) return;
            using var step = Command(connection, transaction, steps[version].Sql);
            step.ExecuteNonQuery();
            using var record = Command(connection, transaction, "INSERT INTO schema_version (version, name) VALUES (@version, @name)");
            record.Parameters.AddWithValue("version", version + 1);
            record.Parameters.AddWithValue("name", steps[version].Name);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int Version(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Takes the lock that keeps fact-check imports one at a time until <paramref name="transaction"/> ends.</summary>
    public static void LockImports(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        // Ids are then given in commit order, which is what lets StoreIndexes catch up by reading the ids above its last.
        using var command = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock + 1})");
        command.ExecuteNonQuery();
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    private static string Reason(Exception e)
    {
        // The innermost message says what happened (connection refused, password authentication failed, ...).
        var inner = e;
        while (inner.InnerException is not null && inner is not PostgresException) inner = inner.InnerException;
        return inner.Message.ReplaceLineEndings(" ");
    }
}
