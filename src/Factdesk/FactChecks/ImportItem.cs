using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>One record of an import file: the fact-check read from it, or why it could not be read. <see cref="Location"/> says where in the file.</summary>
public sealed record ImportItem(string Location, FactCheckRecord? Record, string? Error = null)
{
    public static ImportItem Failed(string location, string error) => new(location, null, error);
}
