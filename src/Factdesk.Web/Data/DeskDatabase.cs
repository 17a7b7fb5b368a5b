using System.Data.Common;
using System.Globalization;
using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Web.Data;

/// <summary>
/// The desk's database (a SQLite file or a PostgreSQL connection string, as <c>--db</c> takes them), the name it publishes
/// under, and the folder of its public site: by default beside a SQLite file (factdesk.db gets factdesk-site/), and
/// factdesk-site/ in the working folder for a PostgreSQL database, which has no folder of its own.
/// </summary>
public sealed record DeskOptions(string Database, string Publisher, string? Site = null)
{
    public bool OnPostgres => StoreFactory.IsPostgres(Database);

    public string SiteDirectory => Site ?? (OnPostgres
        ? Path.GetFullPath("factdesk-site")
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database))!, Path.GetFileNameWithoutExtension(Database) + "-site"));
}

/// <summary>
/// One request's connection to the store, SQLite or PostgreSQL. The desk's SQL is written once, with <c>@name</c>
/// parameters both providers read; <see cref="Dialect"/> picks between two texts only where the databases really
/// differ. A SQLite connection is not safe to share between threads, so a request has one to itself: in the desk it is
/// borrowed from <see cref="DeskConnections"/> and given back at the end of the request; made with
/// <see cref="DeskOptions"/> (the CLI, tests) it opens its own. WAL mode lets the readers of other requests carry on
/// while one writes. A PostgreSQL connection comes from Npgsql's own pool.
/// </summary>
public sealed class DeskDatabase : IDisposable
{
    private readonly DeskOptions _options;
    private readonly DeskConnections? _pool;
    private readonly TimeProvider _clock;
    private DbConnection? _connection;

    public DeskDatabase(DeskOptions options, TimeProvider clock) => (_options, _clock) = (options, clock);

    private DeskDatabase(DeskConnections pool, TimeProvider clock) => (_options, _pool, _clock) = (pool.Options, pool, clock);

    /// <summary>A request's database; on SQLite its connection is borrowed from <paramref name="pool"/> at its first query.</summary>
    public static DeskDatabase Borrowing(DeskConnections pool, TimeProvider clock) => new(pool, clock);

    public DbConnection Connection => _connection ??= _options.OnPostgres
        ? PostgresDatabase.Connect(_options.Database)
        : (DbConnection?)_pool?.Borrow() ?? SqliteDatabase.Open(_options.Database);

    public bool OnPostgres => _options.OnPostgres;

    public TimeProvider Clock => _clock;

    /// <summary>The time to store; <see cref="DeskRows.Bind"/> writes it as each database keeps times.</summary>
    public DateTimeOffset Now() => _clock.GetUtcNow();

    public DbTransaction Begin() => Connection.BeginTransaction();

    public DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The SQL for this database where SQLite and PostgreSQL need different text.</summary>
    public string Dialect(string sqlite, string postgres) => OnPostgres ? postgres : sqlite;

    public void Dispose()
    {
        if (_connection is null) return;
        if (_pool is not null && _connection is SqliteConnection sqlite) _pool.GiveBack(sqlite);
        else _connection.Dispose();
        _connection = null;
    }
}

/// <summary>
/// The desk's open SQLite connections, lent to one request at a time. Opening one costs more than most requests'
/// queries: the file, the pragmas, the schema version check, and SQLite parsing the whole schema again at the first
/// statement. A connection comes back only if it is idle (no transaction left open, no statement still running), and at
/// most <see cref="Kept"/> are kept; the rest are closed. Disposing the pool (when the desk stops) closes them all and
/// releases the file. A database file replaced while the desk runs is not seen until it restarts, which is why
/// <c>factdesk restore</c> wants nothing else to have the file open.
/// </summary>
public sealed class DeskConnections(DeskOptions options) : IDisposable
{
    public DeskOptions Options => options;

    /// <summary>More than the requests that run at once on a small server; connections beyond it are closed, not kept.</summary>
    public const int Kept = 32;

    private readonly Stack<SqliteConnection> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public SqliteConnection Borrow()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var connection)) return connection;
        }
        var opened = SqliteDatabase.Open(options.Database);
        // Lets GiveBack ask SQLite for a statement still running (SQLitePCL refuses to list statements otherwise).
        opened.Handle!.enable_sqlite3_next_stmt(true);
        return opened;
    }

    public void GiveBack(SqliteConnection connection)
    {
        if (Idle(connection))
        {
            lock (_gate)
            {
                if (!_disposed && _idle.Count < Kept)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }
        connection.Dispose();
    }

    /// <summary>How many open connections wait to be lent.</summary>
    public int Count
    {
        get { lock (_gate) return _idle.Count; }
    }

    // A transaction left open or a statement still stepping would hold locks (or a read snapshot) for the next borrower.
    private static bool Idle(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open || connection.Handle is not { } handle) return false;
        if (SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0) return false;
        for (var statement = SQLitePCL.raw.sqlite3_next_stmt(handle, null); statement is not null; statement = SQLitePCL.raw.sqlite3_next_stmt(handle, statement))
            if (SQLitePCL.raw.sqlite3_stmt_busy(statement) != 0) return false;
        return true;
    }

    public void Dispose()
    {
        List<SqliteConnection> closing;
        lock (_gate)
        {
            _disposed = true;
            closing = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in closing) connection.Dispose();
    }
}

/// <summary>Binding and reading values the same way on both databases, without repeating the DBNull test at every call.</summary>
internal static class DeskRows
{
    public static void Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            // SQLite keeps times as ISO 8601 text, which sorts as the times do; PostgreSQL as timestamptz, which takes UTC.
            DateTimeOffset time when command is SqliteCommand => time.ToString("o", CultureInfo.InvariantCulture),
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    public static string? Text(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    // Through Convert: SQLite gives every integer as a long, PostgreSQL gives count(*) as a bigint and columns as declared.
    public static long? Long(this DbDataReader row, int i) => row.IsDBNull(i) ? null : Convert.ToInt64(row.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader row, int i) => Convert.ToInt32(row.GetValue(i), CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetValue(i) switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        var other => (DateTimeOffset)other,
    };

    /// <summary>Every row the command selects, each read by <paramref name="read"/>.</summary>
    public static List<T> Rows<T>(this DbCommand command, Func<DbDataReader, T> read)
    {
        using var row = command.ExecuteReader();
        var rows = new List<T>();
        while (row.Read()) rows.Add(read(row));
        return rows;
    }
}
