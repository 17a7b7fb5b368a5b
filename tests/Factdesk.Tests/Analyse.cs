using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Pipeline;
using Factdesk.Quotes;
using Factdesk.Segmentation;

namespace Factdesk.Tests;

/// <summary>Runs only the stages a unit test needs on a small text written for it.</summary>
internal static class Analyse
{
    public static Document Run(string text, params IStage[] stages)
    {
        var builder = new PipelineBuilder();
        foreach (var stage in stages) builder.Add(stage);
        return builder.Build().Process(new Document(text, new SourceInfo(null)));
    }

    public static Document Segmented(string text) => Run(text, new Segmenter());

    public static Document WithEntities(string text) => Run(text, new Segmenter(), new EntityRecognizer());

    public static Document WithQuotes(string text) => Run(text, new Segmenter(), new EntityRecognizer(), new QuoteFinder());
}
