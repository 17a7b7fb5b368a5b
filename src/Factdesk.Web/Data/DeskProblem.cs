namespace Factdesk.Web.Data;

/// <summary>
/// A request the desk refuses for a reason the user can act on (no such check, a step out of order). The message is
/// one sentence shown as it is, on the page or in the API's error body; <see cref="Status"/> is the HTTP status.
/// </summary>
public sealed class DeskProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static DeskProblem NotFound(string what) => new(StatusCodes.Status404NotFound, $"There is no {what}.");

    public static DeskProblem Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static DeskProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, message);
}
