using Factdesk.Ingestion;
using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>
/// Copies of a Factdesk database through SQLite's online backup API, which reads a consistent snapshot even
/// while another process writes. Both directions write a temporary file beside the target and move it into
/// place only when it is complete and checked, so a crash never leaves a half-written target.
/// </summary>
public static class StoreBackup
{
    /// <summary>Writes a self-contained copy of <paramref name="database"/> (one file, no WAL) to <paramref name="target"/>.</summary>
    public static void Backup(string database, string target)
    {
        using (var source = StoreDoctor.OpenForChecks(database))
            RequireFactdesk(source, database);
        CopyThenMove(database, target, validate: false);
    }

    /// <summary>
    /// Replaces <paramref name="database"/> (created when missing) with the backup <paramref name="backup"/>, after
    /// checking the backup is a whole Factdesk database; when the check fails the existing database is untouched.
    /// </summary>
    public static void Restore(string backup, string database)
    {
        using (var source = StoreDoctor.OpenForChecks(backup))
            RequireFactdesk(source, backup);
        CopyThenMove(backup, database, validate: true, checkedAs: backup);
    }

    private static void CopyThenMove(string from, string to, bool validate, string? checkedAs = null)
    {
        var target = Path.GetFullPath(to);
        if (Directory.Exists(target))
            throw new InputException(to, "is a directory, not a database file");
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
            throw new InputException(to, "is in a folder that does not exist");
        var temporary = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var source = StoreDoctor.OpenForChecks(from))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                copy.Open();
                source.BackupDatabase(copy);
                // The copy inherits WAL mode from the header; a backup should be one file that can be carried alone.
                using var single = SqliteDatabase.Command(copy, null, "PRAGMA journal_mode = DELETE");
                single.ExecuteNonQuery();
            }
            if (validate && StoreDoctor.Examine(temporary).FirstOrDefault(c => !c.Passed) is { } failed)
                throw new InputException(checkedAs ?? from, $"is not a whole Factdesk database ({failed.Name}: {failed.Detail}); nothing was restored");
            if (File.Exists(target))
                SettleWal(to, target);
            File.Move(temporary, target, overwrite: true);
            // The search indexes beside a database describe the file that was there; the next search rebuilds them
            // from the new one (Matching/StoreIndexes) instead of answering with another store's rows.
            foreach (var index in SearchIndexFiles.Extensions)
                File.Delete(target + index);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
        }
    }

    /// <summary>
    /// Folds the target's WAL into it and leaves it with no -wal or -shm file: a WAL left beside the new file
    /// would be replayed onto it by the next open and corrupt it.
    /// </summary>
    private static void SettleWal(string name, string target)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var settle = SqliteDatabase.Command(connection, null, "PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
            settle.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5 /* SQLITE_BUSY */)
        {
            throw new InputException(name, "is in use by another process; close it and restore again");
        }
        catch (SqliteException)
        {
            // The file being replaced is not a readable database, so its WAL means nothing: drop it with the file.
        }
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
    }

    private static void RequireFactdesk(SqliteConnection connection, string name)
    {
        var version = SqliteMigrator.UserVersion(connection);
        if (version < 1)
            throw new InputException(name, "is a SQLite database but not a Factdesk one (schema version 0)");
        if (version > SchemaSteps.All.Count)
            throw new InputException(name, $"has schema version {version}, newer than this Factdesk knows ({SchemaSteps.All.Count})");
    }
}
