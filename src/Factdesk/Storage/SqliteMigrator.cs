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
        for (var i = version; i < steps.Count; i++)
        {
            // SQLite's DDL and user_version are both transactional: a failed step leaves the database at the step before.
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"{steps[i].Sql};\nPRAGMA user_version = {i + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
