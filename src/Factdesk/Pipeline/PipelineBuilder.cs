namespace Factdesk.Pipeline;

/// <summary>Composes the analysis stages. <see cref="CreateDefault"/> is the one place where their order is written.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public PipelineBuilder Add(IStage stage)
    {
        _stages.Add(stage);
        return this;
    }

    public AnalysisPipeline Build() => new(_stages.ToArray());

    public static PipelineBuilder CreateDefault() => new PipelineBuilder();
}
