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
/// One request's connection to the store. A SQLite connection is not safe to share between threads, so each request
/// opens its own; WAL mode lets the readers of other requests carry on while one writes.
/// </summary>
public sealed class DeskDatabase(DeskOptions options, TimeProvider clock) : IDisposable
{
    private SqliteConnection? _connection;

    public SqliteConnection Connection => _connection ??= SqliteDatabase.Open(options.DatabasePath);

    public TimeProvider Clock => clock;

    public string Now() => clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture);

    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null) =>
        SqliteDatabase.Command(Connection, transaction, sql);

    public void Dispose() => _connection?.Dispose();
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
