// Runs the desk on its own (dotnet run --project src/Factdesk.Web -- --Desk:Database=factdesk.db);
// `factdesk serve` starts the same app from the command line.
Factdesk.Web.DeskHost.Build(args).Run();

/// <summary>The entry point the integration tests' WebApplicationFactory starts.</summary>
public partial class Program;
