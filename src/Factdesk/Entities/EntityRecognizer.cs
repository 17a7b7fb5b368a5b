using Factdesk.Documents;
using Factdesk.Pipeline;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// Named entities: finds name runs, types them by rules, then gives every mention of one entity one
/// canonical name (see <see cref="EntityLinker"/>). Runs the rules cannot type take the learned
/// <see cref="NerTagger"/>'s type, when a model is given. Needs sentences and tokens.
/// </summary>
public sealed class EntityRecognizer : IStage, IPreloadable
{
    private readonly Gazetteer _gazetteer;
    private readonly Func<NerTagger?> _tagger;

    // The shipped model is loaded only when a document first has a run the rules cannot type.
    public EntityRecognizer() : this(Gazetteer.Default, () => NerTagger.Shipped) { }

    public EntityRecognizer(Gazetteer gazetteer, NerTagger? tagger = null) : this(gazetteer, () => tagger) { }

    public void Preload() => _ = _tagger();

    private EntityRecognizer(Gazetteer gazetteer, Func<NerTagger?> tagger)
    {
        _gazetteer = gazetteer;
        _tagger = tagger;
    }

    public void Process(Document document)
    {
        var finder = new NameRunFinder(document, _gazetteer);
        var typer = new EntityTyper(document, _gazetteer);
        var linker = new EntityLinker(document, _gazetteer, typer, new LearnedEntityTypes(document, _tagger));
        var workTitles = WorkTitles.Find(document);

        var headlineSentences = new List<Sentence>(); // only known names are trusted in title-case lines
        var tokenIndex = 0;
        foreach (var sentence in document.Sentences)
        {
            while (tokenIndex < document.Tokens.Count && document.Tokens[tokenIndex].End <= sentence.Start) tokenIndex++;
            var first = tokenIndex;
            while (tokenIndex < document.Tokens.Count && document.Tokens[tokenIndex].Start < sentence.End) tokenIndex++;
            if (IsHeadline(document, first, tokenIndex))
            {
                headlineSentences.Add(sentence);
                continue;
            }
            foreach (var run in finder.Find(first, tokenIndex))
                if (!workTitles.Any(w => w.Start <= run.Start && run.End <= w.End))
                    linker.AddRun(run);
        }
        document.Entities.AddRange(linker.Link(headlineSentences, workTitles));
        document.Entities.AddRange(DateRecognizer.Find(document.Text));
        document.Entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        RemoveOverlaps(document.Entities);
    }

    // Title-case headlines capitalise every word and end without a full stop, so only names already known
    // elsewhere are trusted there.
    private static bool IsHeadline(Document document, int first, int end) =>
        end > first && document.Tokens[end - 1].Text is not ("." or "”" or "\"")
        && Words.CapitalisedShare(document.Tokens, first, end, out var words) >= 0.6 && words >= 5;

    private static void RemoveOverlaps(List<Entity> entities)
    {
        var kept = new List<Entity>(entities.Count);
        foreach (var e in entities)
            if (kept.Count == 0 || e.Start >= kept[^1].End) kept.Add(e);
        entities.Clear();
        entities.AddRange(kept);
    }
}
