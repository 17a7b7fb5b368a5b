using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Web.Data;

/// <summary>
/// Where the desk's SQLite file is, the name it publishes under, and the folder of its public site (by default
/// beside the database: factdesk.db gets factdesk-site/).
/// </summary>
public sealed record DeskOptions(string DatabasePath, string Publisher, string? Site = null)
{
    public string SiteDirectory => Site ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, Path.GetFileNameWithoutExtension(DatabasePath) + "-site");
}

/// <summary>
/// One request's connection to the store. A SQLite connection is not safe to share between threads, so a request has
/// one to itself: in the desk it is borrowed from <see cref="DeskConnections"/> and given back at the end of the
/// request; made with <see cref="DeskOptions"/> (the CLI, tests) it opens its own. WAL mode lets the readers of other
/// requests carry on while one writes.
/// </summary>
public sealed class DeskDatabase : IDisposable
{
    private readonly DeskOptions? _options;
    private readonly DeskConnections? _pool;
    private readonly TimeProvider _clock;
    private SqliteConnection? _connection;

    public DeskDatabase(DeskOptions options, TimeProvider clock) => (_options, _clock) = (options, clock);

    private DeskDatabase(DeskConnections pool, TimeProvider clock) => (_pool, _clock) = (pool, clock);

    /// <summary>A request's database, on a connection borrowed from <paramref name="pool"/> at its first query.</summary>
    public static DeskDatabase Borrowing(DeskConnections pool, TimeProvider clock) => new(pool, clock);

    public SqliteConnection Connection => _connection ??= _pool?.Borrow() ?? SqliteDatabase.Open(_options!.DatabasePath);

    public TimeProvider Clock => _clock;

    public string Now() => _clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture);

    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null) =>
        SqliteDatabase.Command(Connection, transaction, sql);

    public void Dispose()
    {
        if (_connection is null) return;
        if (_pool is null) _connection.Dispose();
        else _pool.GiveBack(_connection);
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
        var opened = SqliteDatabase.Open(options.DatabasePath);
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

/// <summary>Reading nullable columns without repeating the DBNull test at every call.</summary>
internal static class SqliteRows
{
    public static string? Text(this SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    public static long? Long(this SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetInt64(i);

    public static DateTimeOffset? Time(this SqliteDataReader row, int i) =>
        row.IsDBNull(i) ? null : DateTimeOffset.Parse(row.GetString(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every row the command selects, each read by <paramref name="read"/>.</summary>
    public static List<T> Rows<T>(this SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var row = command.ExecuteReader();
        var rows = new List<T>();
        while (row.Read()) rows.Add(read(row));
        return rows;
    }

    public static void Bind(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
