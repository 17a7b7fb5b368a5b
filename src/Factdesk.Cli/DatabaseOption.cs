using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.Cli;

/// <summary>The `--db PATH` option the commands that use the store share, and opening a store that must already exist.</summary>
internal static class DatabaseOption
{
    public static Option<string> Create(string description) => new("--db")
    {
        Description = description,
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
        HelpName = "PATH",
    };

    /// <summary>Opens the fact-check store of a database that exists: reading commands never create an empty one.</summary>
    public static SqliteFactCheckStore OpenExisting(string path)
    {
        MustExist(path, "import");
        return SqliteFactCheckStore.Open(path);
    }

    /// <summary>Opens the article store of a database that exists, as <see cref="OpenExisting"/> does the fact-check store.</summary>
    public static SqliteArticleStore OpenExistingArticles(string path)
    {
        MustExist(path, "ingest");
        return SqliteArticleStore.Open(path);
    }

    private static void MustExist(string path, string fillingCommand)
    {
        if (!File.Exists(path))
            throw new InputException(path, Directory.Exists(path) ? "is a directory, not a database file" : $"no such database (run factdesk {fillingCommand} first)");
    }
}
