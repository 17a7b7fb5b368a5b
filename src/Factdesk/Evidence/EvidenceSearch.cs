using Factdesk.Matching;
using Factdesk.Storage;

namespace Factdesk.Evidence;

/// <summary>
/// The passages of the stored articles most related to a claim, by BM25, each with its stance toward the claim.
/// The index is built in memory from every stored dossier when the search is made: simple and exact for a
/// newsroom's few thousand articles, but it reads the whole store each time and does not scale past that
/// (a passage table with FTS5, filled at ingest, would).
/// </summary>
public sealed class EvidenceSearch
{
    private readonly List<Passage> _passages;
    private readonly Bm25Index _index;
    private readonly SourceStance _stance;

    public EvidenceSearch(IArticleStore store, SourceStance stance)
    {
        _passages = [.. store.AllOriginals().SelectMany(DossierPassages.Of)];
        _index = new Bm25Index([.. _passages.Select(p => p.Text)]);
        _stance = stance;
    }

    public int PassageCount => _passages.Count;

    /// <summary>The best <paramref name="top"/> passages for <paramref name="claim"/>, best first; none for a claim with no search terms.</summary>
    public IReadOnlyList<EvidenceHit> Search(string claim, int top)
    {
        if (top <= 0) return [];
        return [.. _index.Search(claim, top).Select(hit =>
        {
            var passage = _passages[hit.Doc];
            // The stance rules weigh a named entity both sides share; the claim is plain text, so a name in it is matched as words.
            var sharesEntity = passage.Entities.Any(name => claim.Contains(name, StringComparison.OrdinalIgnoreCase));
            var stance = _stance.Predict(claim, passage.Quote ?? passage.Text, passage.Text, sharesEntity);
            return new EvidenceHit(passage, hit.Score, stance);
        })];
    }
}
