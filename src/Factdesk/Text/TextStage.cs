using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Text;

/// <summary>Writes sentences and tokens, which every later stage reads.</summary>
public sealed class TextStage : IStage
{
    public void Process(Document document)
    {
        document.Sentences.AddRange(SentenceSplitter.Split(document.Text));
        document.Tokens.AddRange(Tokenizer.Tokenize(document.Text));
    }
}
