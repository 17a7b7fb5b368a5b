using System.IO.Compression;
using System.Text.Json;
using Factdesk.Ingestion;
using Factdesk.Output;

namespace Factdesk.Evaluation;

/// <summary>
/// The article-extraction-benchmark data set: pages in html/&lt;id&gt;.html(.gz), gold bodies in a JSON file
/// mapping id to {"articleBody": ...}. Factdesk's extractor here is <see cref="ArticleLoader"/>'s main text.
/// </summary>
public static class ExtractionBenchmark
{
    public const string TaskName = "extraction";

    /// <summary>
    /// Reads id -> articleBody from a ground-truth or system-output file. Some published outputs wrap the map
    /// as {"version": ..., "output": {...}}; both shapes are accepted. A missing or null body reads as "".
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadBodies(string path)
    {
        if (!File.Exists(path))
            throw new InputException(path, Directory.Exists(path) ? "is a directory, not a JSON file" : "no such file");
        JsonDocument json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"not valid JSON ({e.Message})");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("output", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
                root = wrapped;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException(path, "expected a JSON object mapping ids to {\"articleBody\": ...}");

            var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in root.EnumerateObject())
            {
                var body = item.Value.ValueKind == JsonValueKind.Object
                    && item.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String
                    ? b.GetString()! : "";
                bodies[item.Name] = body;
            }
            return bodies;
        }
    }

    /// <summary>The page file for <paramref name="id"/>, compressed or not; null when the page is not there.</summary>
    public static string? FindPage(string htmlDir, string id)
    {
        foreach (var name in new[] { id + ".html.gz", id + ".html", id + ".htm" })
        {
            var path = Path.Combine(htmlDir, name);
            if (File.Exists(path))
                return path;
        }
        return null;
    }

    /// <summary>
    /// Runs the extractor on one page. A page the loader rejects counts as an empty extraction, which is how
    /// the benchmark scores a system that returns nothing.
    /// </summary>
    public static string Extract(string pagePath)
    {
        try
        {
            if (!pagePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                return ArticleLoader.Load(pagePath).Text;
            using var gzip = new GZipStream(File.OpenRead(pagePath), CompressionMode.Decompress);
            return ArticleLoader.Load(gzip, pagePath, ".html").Text;
        }
        catch (InputException)
        {
            return "";
        }
    }

    /// <summary>
    /// Extracts every gold item that has a page in <paramref name="htmlDir"/>. Items without a page are left
    /// out rather than scored as failures: the data set withholds its test pages but keeps their gold bodies.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExtractAll(string htmlDir, IEnumerable<string> ids)
    {
        if (!Directory.Exists(htmlDir))
            throw new InputException(htmlDir, File.Exists(htmlDir) ? "is a file, not a directory of HTML pages" : "no such directory");
        var predictions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in IdsWithPages(htmlDir, ids))
            predictions[id] = Extract(FindPage(htmlDir, id)!);
        return predictions;
    }

    public static IReadOnlyList<string> IdsWithPages(string htmlDir, IEnumerable<string> ids) =>
        ids.Where(id => FindPage(htmlDir, id) is not null).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Scores <paramref name="predictions"/> on the gold items listed in <paramref name="ids"/>; a missing prediction is "".</summary>
    public static EvalReport Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predictions, IEnumerable<string> ids) =>
        ShingleScorer.Score(TaskName, ids.Select(id => (truth[id], predictions.GetValueOrDefault(id) ?? "")));

    /// <summary>Predictions in the benchmark's own format, {"id": {"articleBody": "..."}}, so other scorers can read them.</summary>
    public static string PredictionsJson(IReadOnlyDictionary<string, string> predictions) =>
        JsonStyle.Render(indented: true, w =>
        {
            w.WriteStartObject();
            foreach (var (id, body) in predictions)
            {
                w.WriteStartObject(id);
                w.WriteString("articleBody", body);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
}
