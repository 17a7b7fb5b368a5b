namespace Factdesk.Web.Accounts;

public enum SignInOutcome { SignedIn, WrongNameOrPassword, LockedOut, Disabled }

/// <summary>
/// Checks a name and password. After <see cref="MaxFailures"/> wrong passwords in a row the account is locked for
/// <see cref="LockoutTime"/>, whatever is typed, so guessing costs hours, not seconds; the login form's rate limit
/// slows guessing across accounts. A disabled account cannot sign in, even with its password.
/// </summary>
public sealed class SignIn(UserStore users, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public (SignInOutcome Outcome, DeskUser? User) Try(string? name, string? password)
    {
        var user = string.IsNullOrWhiteSpace(name) || name.Length > 64 ? null : users.Find(name.Trim());
        password ??= "";
        if (user is null)
        {
            UserStore.VerifyNothing(password);
            return (SignInOutcome.WrongNameOrPassword, null);
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
            return (SignInOutcome.LockedOut, null);
        if (password.Length > UserStore.MaxPasswordLength || !users.VerifyPassword(user, password))
        {
            var failures = user.FailedLogins + 1;
            var locked = failures >= MaxFailures;
            users.SetFailures(user.Id, locked ? 0 : failures, locked ? now + LockoutTime : null);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.WrongNameOrPassword, null);
        }
        if (user.FailedLogins > 0 || user.LockedUntil is not null) users.SetFailures(user.Id, 0, null);
        // Said only to whoever knows the password, so it does not tell a guesser which names exist.
        if (user.Disabled) return (SignInOutcome.Disabled, null);
        return (SignInOutcome.SignedIn, user);
    }
}
