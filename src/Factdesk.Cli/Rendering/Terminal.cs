using Spectre.Console;

namespace Factdesk.Cli.Rendering;

/// <summary>Spectre consoles bound to a given writer instead of the process-wide <see cref="AnsiConsole"/>.</summary>
internal static class Terminal
{
    /// <summary>Wide enough for quote tables; a file or pipe has no window to measure.</summary>
    private const int PlainWidth = 110;

    /// <summary>
    /// Colours only for the real, unredirected console. Files, pipes and test writers get plain text, so no
    /// escape codes end up in a saved report.
    /// </summary>
    /// <summary>True for the real console on a terminal, where colours and live progress can be drawn.</summary>
    public static bool IsLive(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public static IAnsiConsole For(TextWriter writer)
    {
        var live = IsLive(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!live)
            console.Profile.Width = PlainWidth;
        return console;
    }
}
