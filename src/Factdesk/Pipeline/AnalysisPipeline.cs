using Factdesk.Documents;

namespace Factdesk.Pipeline;

/// <summary>A frozen, ordered list of stages. Build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    /// <summary>Starts loading the models of <see cref="IPreloadable"/> stages in the background; processing waits for them when it gets there.</summary>
    public Task Preload() =>
        Task.WhenAll(Stages.OfType<IPreloadable>().Select(stage => Task.Run(stage.Preload)));

    public Document Process(Document document)
    {
        foreach (var stage in Stages)
            stage.Process(document);
        return document;
    }
}
