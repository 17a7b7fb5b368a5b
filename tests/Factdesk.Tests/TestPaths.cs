namespace Factdesk.Tests;

/// <summary>Where the repository and the shared examples next to it are, wherever the tests run from.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Factdesk.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Factdesk.slnx above {AppContext.BaseDirectory}");
    });

    public static string RepoRoot => Root.Value;

    /// <summary>The shared folder beside the checkout (examples and notes that are not part of the repository).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>A data set under ../shared/datasets, or null on machines that do not have it (a user's).</summary>
    public static string? Dataset(string name)
    {
        var dir = Path.Combine(Shared, "datasets", name);
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>A file under ../shared/examples; the calling test is skipped, with the reason, when it is not there.</summary>
    public static string Example(string name)
    {
        var path = Path.Combine(Shared, "examples", name);
        Assert.SkipUnless(File.Exists(path), $"the example {name} is not at {path} (it lives in ../shared beside the repository)");
        return path;
    }
}
