using Factdesk.Ingestion;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>Opening a Factdesk SQLite file and the small command plumbing every SQLite store shares.</summary>
internal static class SqliteDatabase
{
    /// <summary>Opens (or creates) the database at <paramref name="path"/> in WAL mode and brings its schema up to date.</summary>
    public static SqliteConnection Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new InputException(path, "is a directory, not a database file");
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
            throw new InputException(path, "is in a folder that does not exist");
        // No pooling: a closed store must release the file (tests delete it, users move it).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using (var pragmas = Command(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;"))
                pragmas.ExecuteNonQuery();
            SqliteMigrator.Migrate(connection, SchemaSteps.All, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InputException(path, $"cannot be used as a Factdesk database ({e.Message.ReplaceLineEndings(" ")})");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Bind(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
