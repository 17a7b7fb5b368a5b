using Factdesk.Documents;

namespace Factdesk.Pipeline;

/// <summary>A frozen, ordered list of stages. Build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    public Document Process(Document document)
    {
        foreach (var stage in Stages)
            stage.Process(document);
        return document;
    }
}
