using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Entities;

/// <summary>
/// The entity tagger's opinion on a name run the rules left undecided: the type of the predicted chunks that
/// cover most of the run's tokens. Sentences are tagged on first need only, each once per document; without a
/// model there is no opinion.
/// </summary>
internal sealed class LearnedEntityTypes(Document document, Func<NerTagger?> tagger)
{
    private readonly Dictionary<int, (int FirstToken, string[] Tags)> _tagged = [];

    public EntityType? TypeOf(NameRun run)
    {
        if (tagger() is not { } model) return null;
        var sentence = SentenceOf(document.Tokens[run.First]);
        if (sentence < 0) return null;
        var (first, tags) = Tagged(model, sentence);
        var votes = new Dictionary<string, int>();
        for (var i = run.First; i <= run.Last && i - first < tags.Length; i++)
        {
            var tag = tags[i - first];
            if (tag != "O") votes[tag[2..]] = votes.GetValueOrDefault(tag[2..]) + 1;
        }
        if (votes.Count == 0) return null;
        return votes.MaxBy(v => v.Value).Key switch
        {
            "PER" => EntityType.Person,
            "ORG" => EntityType.Org,
            "LOC" => EntityType.Location,
            _ => EntityType.Misc,
        };
    }

    private (int FirstToken, string[] Tags) Tagged(NerTagger model, int sentence)
    {
        if (_tagged.TryGetValue(sentence, out var hit)) return hit;
        var s = document.Sentences[sentence];
        var first = document.Tokens.FirstAtOrAfter(s.Start);
        var words = new List<string>();
        for (var k = first; k < document.Tokens.Count && document.Tokens[k].Start < s.End; k++) words.Add(document.Tokens[k].Text);
        return _tagged[sentence] = (first, model.Predict(words));
    }

    private int SentenceOf(Token token)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].End <= token.Start) lo = mid + 1;
            else if (sentences[mid].Start > token.Start) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
