using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Segmentation;

/// <summary>Writes sentences and tokens, which every later stage reads.</summary>
public sealed class Segmenter : IStage
{
    public void Process(Document document)
    {
        document.Sentences.AddRange(SentenceSplitter.Split(document.Text));
        document.Tokens.AddRange(Tokenizer.Tokenize(document.Text));
    }
}
