using Factdesk.Claims;
using Factdesk.Entities;
using Factdesk.Publishing;
using Factdesk.Quotes;
using Factdesk.Review;
using Factdesk.Segmentation;

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

    /// <summary>The full analysis of an article, in order; verdicts are put on <paramref name="scale"/> (default: Polygraph.info's).</summary>
    public static PipelineBuilder CreateDefault(RatingScale? scale = null)
    {
        scale ??= RatingScales.Default;
        return new PipelineBuilder()
            .Add(new Segmenter())               // sentences, tokens
            .Add(new EntityRecognizer())        // people, organisations, places, dates; canonical names
            .Add(new QuoteFinder())             // direct and reported speech with speakers
            .Add(new CheckWorthiness())         // check-worthy sentences with scores and claimants
            .Add(new ReviewFinder(scale))       // a fact-check's claim, claimant, verdict and sources with stances
            .Add(new VerdictSuggester(scale))   // a suggested verdict from those sources, beside the stated one
            .Add(new ClaimReviewWriter(scale)); // schema.org ClaimReview of that review
    }
}
