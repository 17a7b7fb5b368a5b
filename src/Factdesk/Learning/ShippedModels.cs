using System.Reflection;

namespace Factdesk.Learning;

/// <summary>
/// The trained models in the repository's models/ folder, embedded in this assembly at build time. A model is
/// opened by its file name ("stance.zip"); `factdesk train` writes the same files.
/// </summary>
public static class ShippedModels
{
    private const string Prefix = "Factdesk.Models.";

    public static bool Exists(string fileName) =>
        typeof(ShippedModels).Assembly.GetManifestResourceInfo(Prefix + fileName) is not null;

    /// <summary>Opens a shipped model; throws when the build did not embed it (train it, then rebuild).</summary>
    public static Stream Open(string fileName) =>
        typeof(ShippedModels).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new FileNotFoundException($"model {fileName} is not built into Factdesk; run `factdesk train` to create models/{fileName} and rebuild", fileName);

    /// <summary>A shipped model read by <paramref name="load"/>, or null when this build has none.</summary>
    public static T? LoadOrNull<T>(string fileName, Func<Stream, T> load) where T : class
    {
        if (!Exists(fileName)) return null;
        using var stream = Open(fileName);
        return load(stream);
    }

    /// <summary>models/ at the root of a source checkout, where `factdesk train` saves by default.</summary>
    public static string? RepositoryModelsFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Factdesk.slnx")))
                    return Path.Combine(dir.FullName, "models");
        return null;
    }
}
