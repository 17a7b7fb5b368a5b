using System.CommandLine;
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

    /// <summary>The model named, the shipped one when none is named, or null for `none` (or a build without one).</summary>
    public MatchReranker? Read(ParseResult parse) => parse.GetValue(Option) switch
    {
        "none" => null,
        { } path => MatchReranker.LoadFile(path),
        null => MatchReranker.Shipped,
    };
}
