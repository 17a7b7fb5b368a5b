using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Matching;

namespace Factdesk.Cli;

/// <summary>`--reranker FILE|none`, shared by `match`, `check --db` and `eval match`.</summary>
internal sealed class RerankerOption
{
    public Option<string?> Option { get; } = new("--reranker")
    {
        Description = $"The reranker model, or `none` for the hybrid first stage alone [default: the shipped {MatchReranker.FileName}]",
        HelpName = "FILE",
    };

    /// <summary>
    /// The model named, the shipped one when none is named, or null for `none` (or a build without one). A model trained
    /// with the fine-tuned encoder's features (`train matcher --tuned-cosines`) needs that encoder's weights: without
    /// them built in, and unless <paramref name="tunedWeightsGiven"/>, it is refused here rather than at the first search.
    /// </summary>
    public MatchReranker? Read(ParseResult parse, bool tunedWeightsGiven = false, string? hint = null)
    {
        var path = parse.GetValue(Option);
        var model = path switch
        {
            "none" => null,
            { } file => MatchReranker.LoadFile(file),
            null => MatchReranker.Shipped,
        };
        if (model is { SecondEncoder: MatchReranker.TunedMiniLmEncoder } && !tunedWeightsGiven && TunedWeights.Shipped is null)
            throw new InputException(path ?? MatchReranker.FileName,
                $"this reranker uses the fine-tuned encoder's features, and no tuned weights ({TunedWeights.FileName}) are built into Factdesk; " +
                (hint ?? "use a reranker trained without --tuned-cosines, or --reranker none"));
        return model;
    }
}
