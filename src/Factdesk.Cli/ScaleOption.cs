using System.CommandLine;
using Factdesk.Publishing;

namespace Factdesk.Cli;

/// <summary>The `--scale ID|FILE` option of the commands that show verdicts on a rating scale.</summary>
internal static class ScaleOption
{
    public static Option<string> Create(string verdictsAre) => new("--scale")
    {
        Description = $"The rating scale verdicts are {verdictsAre}: {string.Join(", ", RatingScales.BuiltIn.Select(s => s.Id))}, or the path of a scale file",
        DefaultValueFactory = _ => RatingScales.DefaultId,
        HelpName = "ID|FILE",
    };
}
