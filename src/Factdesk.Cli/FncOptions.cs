using System.CommandLine;

namespace Factdesk.Cli;

/// <summary>The FNC-1 file options that `train stance` and `eval stance` share; new objects each time, as an option belongs to one command.</summary>
internal static class FncOptions
{
    public static Option<string> Bodies() =>
        new("--bodies") { Description = "FNC-1 bodies CSV (Body ID, articleBody)", HelpName = "FILE", Required = true };

    public static Option<string> Stances() =>
        new("--stances") { Description = "FNC-1 stances CSV with gold labels (Headline, Body ID, Stance)", HelpName = "FILE", Required = true };
}
