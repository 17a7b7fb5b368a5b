using Microsoft.Data.Sqlite;

namespace Factdesk.Storage;

/// <summary>Brings a SQLite database up to the newest schema, one step per transaction.</summary>
internal static class SqliteMigrator
{
    public static void Migrate(SqliteConnection connection, IReadOnlyList<SchemaStep> steps, string name)
    {
        var version = UserVersion(connection);
        if (version > steps.Count)
        {
            throw new Ingestion.InputException(name,
                $"has schema version {version}, newer than this Factdesk knows ({steps.Count}); use a newer Factdesk");
        }
        while (version < steps.Count)
        {
            // SQLite's DDL and user_version are both transactional: a failed step leaves the database at the step before.
            // The version is read again inside the (immediate, so exclusive) transaction: several workers opening a new
            // database at once must not run the same step twice.
            using var transaction = connection.BeginTransaction();
            version = UserVersion(connection, transaction);
            if (version < steps.Count)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"{steps[version].Sql};\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
                version++;
            }
            transaction.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
