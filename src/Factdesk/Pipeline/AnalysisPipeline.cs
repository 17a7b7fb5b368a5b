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

    /// <summary>
    /// Runs the stages but gives up, as an <see cref="Ingestion.InputException"/> naming <paramref name="name"/>, once the
    /// document has used more than <paramref name="budget"/>. Stages cannot be interrupted, so the check falls between
    /// them: a batch loses at most one stage's overrun to a pathological document instead of stalling on it.
    /// </summary>
    public Document Process(Document document, TimeSpan budget, string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var stage in Stages)
        {
            stage.Process(document);
            if (clock.Elapsed > budget)
            {
                throw new Ingestion.InputException(name,
                    $"took over {budget.TotalSeconds:0.###} s to analyse (stopped after {stage.GetType().Name}); it is too large or too unusual to analyse in time");
            }
        }
        return document;
    }
}
