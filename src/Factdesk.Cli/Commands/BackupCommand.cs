using System.CommandLine;
using Factdesk.Storage;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk backup FILE` and `factdesk restore FILE`: whole-database copies through SQLite's online backup API.</summary>
internal static class BackupCommand
{
    public static Command CreateBackup()
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (replaced when it exists)" };
        var database = DatabaseOption.Create("The SQLite database to back up; other processes may keep using it");
        var command = new Command("backup", "Copy the database to one self-contained file, consistent even while it is being written") { file, database };
        command.SetAction(parse =>
        {
            StoreFactory.RequireSqlite(parse.GetValue(database)!, "backup");
            StoreBackup.Backup(parse.GetValue(database)!, parse.GetValue(file)!);
            parse.InvocationConfiguration.Output.WriteLine($"Backed up {parse.GetValue(database)} to {parse.GetValue(file)}");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<string>("file") { Description = "A backup written by factdesk backup" };
        var database = DatabaseOption.Create("The SQLite database to replace (created when missing); nothing else may have it open");
        var command = new Command("restore", "Replace the database with a backup, after checking the backup is a whole Factdesk database") { file, database };
        command.SetAction(parse =>
        {
            StoreFactory.RequireSqlite(parse.GetValue(database)!, "restore");
            StoreBackup.Restore(parse.GetValue(file)!, parse.GetValue(database)!);
            parse.InvocationConfiguration.Output.WriteLine($"Restored {parse.GetValue(database)} from {parse.GetValue(file)}");
            return 0;
        });
        return command;
    }
}
