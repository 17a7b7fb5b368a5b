namespace Factdesk.Tests;

/// <summary>Where the repository and the shared data sets beside it are, seen from the test binary.</summary>
internal static class RepositoryFolders
{
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Factdesk.slnx")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>A data set under ../shared/datasets, or null on machines that do not have it (a user's).</summary>
    public static string? Dataset(string name) =>
        Root() is { } root && Path.Combine(root, "..", "shared", "datasets", name) is var dir && Directory.Exists(dir)
            ? Path.GetFullPath(dir)
            : null;
}
