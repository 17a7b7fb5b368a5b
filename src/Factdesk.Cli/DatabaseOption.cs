using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.Cli;

/// <summary>
/// The `--db` option the commands that use the store share (a SQLite path or a PostgreSQL connection string, see
/// <see cref="StoreFactory"/>), and opening a store that must already exist.
/// </summary>
internal static class DatabaseOption
{
    public static Option<string> Create(string description) => new("--db")
    {
        Description = description,
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
        HelpName = "PATH|URL",
    };

    /// <summary>Opens the fact-check store of a database that exists: reading commands never create an empty one.</summary>
    public static IFactCheckStore OpenExisting(string path)
    {
        MustExist(path, "import");
        return StoreFactory.OpenFactChecks(path);
    }

    /// <summary>Opens the article store of a database that exists, as <see cref="OpenExisting"/> does the fact-check store.</summary>
    public static IArticleStore OpenExistingArticles(string path)
    {
        MustExist(path, "ingest");
        return StoreFactory.OpenArticles(path);
    }

    // A PostgreSQL database exists on its server; opening it gives it the tables when it has none yet.
    private static void MustExist(string path, string fillingCommand)
    {
        if (!StoreFactory.IsPostgres(path) && !File.Exists(path))
            throw new InputException(path, Directory.Exists(path) ? "is a directory, not a database file" : $"no such database (run factdesk {fillingCommand} first)");
    }
}
