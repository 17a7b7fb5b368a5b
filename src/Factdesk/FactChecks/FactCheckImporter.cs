using Factdesk.Ingestion;
using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>
/// What importing one file did. <see cref="FileError"/> is set when the file could not be read at all (then nothing
/// was stored). <see cref="Rewritten"/> counts the fact-checks already there whose summary or analysis the file changed.
/// </summary>
public sealed record FileImport(string Path, string? Format, int Read, int Imported, int AlreadyThere, IReadOnlyList<ImportItem> Failed, string? FileError = null, int Rewritten = 0);

/// <summary>
/// Imports fact-check files into a store: reads a file, drops the records already stored, encodes the new claims
/// (and titles) in batches, and stores them all in one transaction, so a file that fails leaves nothing behind and
/// importing it again adds nothing. A fact-check already stored keeps its fields, except that a summary or analysis
/// the file gives replaces the stored one: that is how a team's edits to an export reach the store. The encoder is
/// loaded only when there is something new to encode.
/// </summary>
public sealed class FactCheckImporter(IFactCheckStore store, Func<SentenceEncoder> encoder)
{
    /// <summary>Texts per call to the encoder: large enough to keep it busy, small enough to report progress.</summary>
    public const int EncodeBatch = 256;

    private SentenceEncoder? _encoder;

    /// <param name="progress">Told (texts encoded, texts to encode) after each batch.</param>
    public FileImport Import(string path, Action<int, int>? progress = null)
    {
        string format;
        IReadOnlyList<ImportItem> items;
        try
        {
            (format, items) = FactCheckFiles.Read(path);
        }
        catch (InputException e)
        {
            return new FileImport(path, null, 0, 0, 0, [], e.Problem);
        }
        var failed = items.Where(i => i.Record is null).ToList();
        var firstOfKey = new Dictionary<string, ImportItem>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Record is not null))
        {
            if (firstOfKey.TryGetValue(item.Record!.SourceKey, out var first))
                failed.Add(ImportItem.Failed(item.Location, $"duplicate id {item.Record.SourceKey} (also at {first.Location})"));
            else
                firstOfKey[item.Record.SourceKey] = item;
        }
        var existing = store.ExistingKeys(firstOfKey.Keys);
        var fresh = firstOfKey.Values.Where(i => !existing.Contains(i.Record!.SourceKey)).Select(i => i.Record!).ToList();
        var imported = fresh.Count == 0 ? 0 : store.AddAll(Encode(fresh, progress));
        var rewritten = existing.Count == 0 ? 0 : store.UpdateWriting(existing.Select(k => firstOfKey[k].Record!).ToList());
        return new FileImport(path, format, items.Count, imported, firstOfKey.Count - imported, failed, Rewritten: rewritten);
    }

    private List<FactCheckRecord> Encode(List<FactCheckRecord> records, Action<int, int>? progress)
    {
        _encoder ??= encoder();
        var titled = records.Where(r => r.Title is not null).ToList();
        var total = records.Count + titled.Count;
        var claims = EncodeAll(records.ConvertAll(r => r.Claim), 0, total, progress);
        var titles = EncodeAll(titled.ConvertAll(r => r.Title!), records.Count, total, progress);
        var titleOf = new Dictionary<FactCheckRecord, float[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < titled.Count; i++) titleOf[titled[i]] = titles[i];
        return records.Select((r, i) => r with { Embedding = claims[i], TitleEmbedding = titleOf.GetValueOrDefault(r) }).ToList();
    }

    private List<float[]> EncodeAll(List<string> texts, int done, int total, Action<int, int>? progress)
    {
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += EncodeBatch)
        {
            vectors.AddRange(_encoder!.Encode(texts.GetRange(start, Math.Min(EncodeBatch, texts.Count - start))));
            progress?.Invoke(done + vectors.Count, total);
        }
        return vectors;
    }
}
