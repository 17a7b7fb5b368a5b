using Factdesk.Documents;

namespace Factdesk.Pipeline;

/// <summary>One step of the analysis: reads what earlier stages wrote and adds its own annotations.</summary>
public interface IStage
{
    void Process(Document document);
}
