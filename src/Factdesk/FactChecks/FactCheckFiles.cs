using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Factdesk.Ingestion;
using Factdesk.Publishing;

namespace Factdesk.FactChecks;

/// <summary>
/// Reads every fact-check in one import file, choosing the format from the extension and the content: ClaimReview
/// JSON-LD (one object, an array, an @graph; also Factdesk's export) or HTML pages carrying it, the Poynter CSV or
/// JSON, CheckThat! 2020 TSV or 2022 vclaims zip. A file that cannot be read at all is an <see cref="InputException"/>;
/// a record that cannot be read is an <see cref="ImportItem"/> with its reason.
/// </summary>
public static class FactCheckFiles
{
    /// <summary>Whole files are read into memory; the largest known collection is a few MB, so this is generous.</summary>
    public const long MaxBytes = 256L << 20;

    public static (string Format, IReadOnlyList<ImportItem> Items) Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, Directory.Exists(path) ? "is a directory, not a file" : "no such file");
        var size = new FileInfo(path).Length;
        if (size > MaxBytes)
            throw new InputException(path, $"is {Megabytes(size)} MB; fact-check files of up to {Megabytes(MaxBytes)} MB are read (split it)");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".zip") return ("CheckThat! 2022 vclaims", CheckThatRecords.FromZip(path));
        var text = File.ReadAllText(path);
        return extension switch
        {
            ".tsv" => ("CheckThat! 2020 TSV", CheckThatRecords.FromTsv(text, path)),
            ".csv" => ("Poynter CSV", PoynterRecords.FromCsv(text, path)),
            _ when text.TrimStart().StartsWith('<') => ("ClaimReview in HTML", ClaimReviews(ClaimReviewSources.FromHtml(text, path), path)),
            _ => FromJson(text, path),
        };
    }

    private static (string, IReadOnlyList<ImportItem>) FromJson(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"is not valid JSON: {e.Message}");
        }
        // System.Text.Json transcodes to UTF-8 before it parses, and refuses text with an unpaired surrogate.
        catch (ArgumentException)
        {
            throw new InputException(path, "is not valid JSON: it holds an unpaired UTF-16 surrogate");
        }
        if (PoynterRecords.IsPoynterJson(root)) return ("Poynter JSON", PoynterRecords.FromJson((JsonArray)root!));
        return ("ClaimReview JSON-LD", ClaimReviews(ClaimReviewSources.FromJson(text, path, "$"), path));
    }

    private static List<ImportItem> ClaimReviews(IReadOnlyList<(JsonObject Review, string Path)> found, string path)
    {
        if (found.Count == 0) throw new InputException(path, "holds no ClaimReview (no object with \"@type\": \"ClaimReview\")");
        return found.Select(f => FactCheckClaimReview.Read(f.Review, f.Path)).ToList();
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture);
}
