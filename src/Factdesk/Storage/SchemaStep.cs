namespace Factdesk.Storage;

/// <summary>One step of the database schema; a step, once released, is never edited: later changes are new steps.</summary>
public sealed record SchemaStep(string Name, string Sql);

/// <summary>
/// Every schema step in order. A database's <c>PRAGMA user_version</c> is the number of steps it has had, so
/// opening it runs exactly the steps after that. Features add their tables by appending a step here.
/// </summary>
public static class SchemaSteps
{
    public static IReadOnlyList<SchemaStep> All { get; } =
    [
        ArticleSchema.Articles,
        FactCheckSchema.FactChecks,
        FactCheckSchema.Writing,
        DeskSchema.Desk,
        DeskSchema.Workflow,
        MonitorSchema.Alerts,
    ];
}
