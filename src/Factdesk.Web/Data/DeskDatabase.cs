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
/// differ. A SQLite connection is not safe to share between threads, so each request opens its own (WAL mode lets the
/// readers of other requests carry on while one writes); a PostgreSQL one comes from Npgsql's pool.
/// </summary>
public sealed class DeskDatabase(DeskOptions options, TimeProvider clock) : IDisposable
{
    private DbConnection? _connection;

    public DbConnection Connection => _connection ??= options.OnPostgres
        ? PostgresDatabase.Connect(options.Database)
        : SqliteDatabase.Open(options.Database);

    public bool OnPostgres => options.OnPostgres;

    public TimeProvider Clock => clock;

    /// <summary>The time to store; <see cref="DeskRows.Bind"/> writes it as each database keeps times.</summary>
    public DateTimeOffset Now() => clock.GetUtcNow();

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

    public void Dispose() => _connection?.Dispose();
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
