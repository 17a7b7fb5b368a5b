using Factdesk.Ingestion;

namespace Factdesk.Web.Accounts;

/// <summary>
/// The four roles, each able to do everything the one before it can: a viewer reads, a fact-checker submits
/// articles and works on checks, an editor decides verdicts and publishes, an admin also manages accounts.
/// </summary>
public static class DeskRoles
{
    public const string Viewer = "viewer";
    public const string FactChecker = "fact-checker";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, FactChecker, Editor, Admin];

    /// <summary>The roles at least as strong as <paramref name="role"/>: who passes a check that needs it.</summary>
    public static string[] AtLeast(string role) => All.Skip(Rank(role)).ToArray();

    public static bool Allows(string? held, string needed) => held is not null && All.Contains(held) && Rank(held) >= Rank(needed);

    public static string Parse(string? text, string source = "role") =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException(source, $"\"{text}\" is not a role; use one of {string.Join(", ", All)}");

    private static int Rank(string role) => All.ToList().IndexOf(role) is var i and >= 0 ? i : throw new ArgumentException($"unknown role {role}", nameof(role));
}
