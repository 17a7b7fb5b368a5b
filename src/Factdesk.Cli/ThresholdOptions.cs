using System.CommandLine;
using System.Globalization;
using Factdesk.Ingestion;
using Factdesk.Matching;

namespace Factdesk.Cli;

/// <summary>`--suggest-above` and `--confident-above`, shared by `match` and `check --db`.</summary>
internal sealed class ThresholdOptions
{
    public Option<double> Suggest { get; } = new("--suggest-above")
    {
        Description = "Show an earlier fact-check as a suggestion from this hybrid score on",
        DefaultValueFactory = _ => MatchThresholds.Default.SuggestAbove,
        HelpName = "SCORE",
    };

    public Option<double> Confident { get; } = new("--confident-above")
    {
        Description = "Call a match confident from this score on",
        DefaultValueFactory = _ => MatchThresholds.Default.ConfidentAbove,
        HelpName = "SCORE",
    };

    public MatchThresholds Read(ParseResult parse)
    {
        var suggest = parse.GetValue(Suggest);
        var confident = parse.GetValue(Confident);
        if (!double.IsFinite(suggest) || !double.IsFinite(confident) || suggest > confident)
        {
            throw new InputException("--suggest-above",
                $"{suggest.ToString(CultureInfo.InvariantCulture)} must be a number no higher than --confident-above ({confident.ToString(CultureInfo.InvariantCulture)})");
        }
        return new MatchThresholds(suggest, confident);
    }
}
