using Factdesk.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Factdesk.Web.Articles;

/// <summary>
/// One stored analysis as the desk shows it: the dossier JSON, the dossier read from it, and the parts of the
/// dossier page that are the same for every reader (the highlighted text, the quotes and the entities). Made once
/// per article version and kept, because a 10,000-word dossier takes tens of milliseconds to read and hundreds to
/// mark up, and every reader of the article would otherwise pay that again.
/// </summary>
public sealed class AnalysedArticle(string json)
{
    private readonly Lazy<Dossier> _dossier = new(() => Dossier.Parse(json));

    /// <summary>The JSON as the API sends it, encoded once rather than per request.</summary>
    public byte[] JsonUtf8 => _jsonUtf8 ??= System.Text.Encoding.UTF8.GetBytes(json);

    public Dossier Dossier => _dossier.Value;

    /// <summary>The highlighted text in UTF-8, made on first use.</summary>
    public byte[] TextHtml => _textHtml ??= System.Text.Encoding.UTF8.GetBytes(DossierText.Render(Dossier));

    /// <summary>The quote table and the entity list of the dossier page in UTF-8, made on first use.</summary>
    public byte[] SidebarHtml => _sidebarHtml ??= System.Text.Encoding.UTF8.GetBytes(DossierSidebar.Render(Dossier));

    /// <summary>Makes the parts of the page now, so the first reader of a new article does not wait for them.</summary>
    public void Prepare() => _ = (TextHtml, SidebarHtml);

    /// <summary>
    /// The dossier page's claim list for one <paramref name="state"/> of the article's checks, made by
    /// <paramref name="render"/> the first time, in UTF-8 and split where each request puts its form token.
    /// </summary>
    public byte[][] ClaimList(string state, Func<string[]> render)
    {
        if (_claimLists.TryGetValue(state, out var kept)) return kept;
        // Each opened check or status change makes a new state; only the recent ones are worth keeping.
        if (_claimLists.Count >= 16) _claimLists.Clear();
        return _claimLists[state] = render().Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[][]> _claimLists = new(StringComparer.Ordinal);

    // Two readers racing on a cold entry may both render; they make the same string, so the race is harmless.
    private byte[]? _jsonUtf8;
    private byte[]? _textHtml;
    private byte[]? _sidebarHtml;
}

/// <summary>
/// The analysed articles read recently, shared by every request of the process. An entry is keyed by the database,
/// the article and its content hash, so a restored or replaced database never shows another store's dossier; the
/// cache holds up to <see cref="SizeLimit"/> characters of dossier JSON and drops the least used beyond that.
/// </summary>
public sealed class DossierCache : IDisposable
{
    public const long SizeLimit = 200_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public AnalysedArticle Get(string database, long id, string version, Func<string> load) =>
        _cache.GetOrCreate((database, id, version), entry =>
        {
            var json = load();
            // The parsed dossier and the rendered HTML take a few times the JSON's size.
            entry.Size = json.Length * 4L;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return new AnalysedArticle(json);
        })!;

    public void Dispose() => _cache.Dispose();
}
