namespace Factdesk.Web.Checks;

/// <summary>
/// Where a check is in the workflow: New → Researching → In review → Published. Review can send a check back to
/// research; only publishing (an editor's step, with a verdict) reaches Published, and a published check stays so.
/// </summary>
public static class CheckStatus
{
    public const string New = "new";
    public const string Researching = "researching";
    public const string InReview = "in-review";
    public const string Published = "published";

    public static IReadOnlyList<string> All { get; } = [New, Researching, InReview, Published];

    public static string Name(string status) => status switch
    {
        New => "New",
        Researching => "Researching",
        InReview => "In review",
        Published => "Published",
        _ => status,
    };

    /// <summary>The statuses a check may be moved to by hand from <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> NextByHand(string status) => status switch
    {
        New => [Researching],
        Researching => [InReview],
        InReview => [Researching],
        _ => [],
    };
}
