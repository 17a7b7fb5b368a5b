namespace Factdesk.Web;

/// <summary>
/// Runs the desk on its own (dotnet run --project src/Factdesk.Web -- --Desk:Database=factdesk.db); `factdesk serve`
/// starts the same app from the command line. Named, not top-level, so it does not clash with the CLI's Program.
/// </summary>
public sealed class DeskProgram
{
    public static void Main(string[] args) => DeskHost.Build(args).Run();
}
