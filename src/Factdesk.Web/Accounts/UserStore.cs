using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Factdesk.Ingestion;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Factdesk.Web.Accounts;

/// <summary>A desk account as stored; the password is only ever held as its salted PBKDF2 hash.</summary>
public sealed record DeskUser(long Id, string Name, string Role, string PasswordHash, int FailedLogins, DateTimeOffset? LockedUntil, bool Disabled, string SecurityStamp)
{
    public Actor Actor => new(Id, Name);
}

/// <summary>What an API token looks like to its owner: the secret is shown once, when it is made, and never stored.</summary>
public sealed record TokenInfo(long Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Accounts and their API tokens.</summary>
public sealed class UserStore(DeskDatabase db, AuditLog audit)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;
    public const string TokenPrefix = "fdk_";

    // Identity's hasher: PBKDF2 with HMAC-SHA512, a random salt per password and 100,000 iterations by default.
    private static readonly PasswordHasher<DeskUser> Hasher = new();

    public DeskUser Add(string name, string role, string password, Actor by)
    {
        name = ValidName(name);
        role = DeskRoles.Parse(role);
        ValidPassword(password);
        if (Find(name) is not null) throw new InputException(name, "an account with this name already exists");
        using var transaction = db.Begin();
        using var insert = db.Command("""
            INSERT INTO users (name, role, password_hash, created_at, security_stamp) VALUES (@name, @role, @hash, @at, @stamp) RETURNING id
            """, transaction);
        insert.Bind("@stamp", NewStamp());
        insert.Bind("@name", name);
        insert.Bind("@role", role);
        insert.Bind("@hash", Hasher.HashPassword(null!, password));
        insert.Bind("@at", db.Now());
        var id = (long)insert.ExecuteScalar()!;
        audit.Record(transaction, by, "account created", detail: $"{name} as {role}");
        transaction.Commit();
        return Get(id)!;
    }

    public static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 64 || !trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new InputException(name ?? "", "is not a valid account name: use 1 to 64 letters, digits, '.', '-', '_' or '@'");
        return trimmed;
    }

    public static void ValidPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            throw new InputException("password", $"must be {MinPasswordLength} to {MaxPasswordLength} characters long");
    }

    public DeskUser? Find(string name) => One("WHERE name = @key", name);

    public DeskUser? Get(long id) => One("WHERE id = @key", id);

    public IReadOnlyList<DeskUser> All()
    {
        using var select = db.Command($"{Select} ORDER BY name");
        return select.Rows(Read);
    }

    /// <summary>Whether <paramref name="password"/> is the account's; a hash made with weaker settings is upgraded on the way.</summary>
    public bool VerifyPassword(DeskUser user, string password)
    {
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            using var update = db.Command("UPDATE users SET password_hash = @hash WHERE id = @id");
            update.Bind("@hash", Hasher.HashPassword(user, password));
            update.Bind("@id", user.Id);
            update.ExecuteNonQuery();
        }
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time a real check takes, so an unknown name cannot be told from a wrong password by timing.</summary>
    public static void VerifyNothing(string password) =>
        Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, "not a password of anyone"));

    public void SetFailures(long id, int failures, DateTimeOffset? lockedUntil)
    {
        using var update = db.Command("UPDATE users SET failed_logins = @failures, locked_until = @until WHERE id = @id");
        update.Bind("@failures", failures);
        update.Bind("@until", lockedUntil);
        update.Bind("@id", id);
        update.ExecuteNonQuery();
    }

    /// <summary>A new token for <paramref name="user"/>; the returned secret is the only copy there will be.</summary>
    public string AddToken(DeskUser user, string name)
    {
        name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
        if (name.Length > 100) throw new InputException("token name", "must be at most 100 characters");
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var transaction = db.Begin();
        using var insert = db.Command("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (@user, @name, @hash, @at)", transaction);
        insert.Bind("@user", user.Id);
        insert.Bind("@name", name);
        insert.Bind("@hash", TokenHash(secret));
        insert.Bind("@at", db.Now());
        insert.ExecuteNonQuery();
        audit.Record(transaction, user.Actor, "API token created", detail: name);
        transaction.Commit();
        return secret;
    }

    /// <summary>
    /// A user's own password change: the current password must be given, the new one must be valid. Every session of
    /// the account ends (the security stamp changes); the caller signs the user in again with the returned account.
    /// </summary>
    public DeskUser ChangePassword(DeskUser user, string? current, string? replacement)
    {
        if (current is null || current.Length > MaxPasswordLength || !VerifyPassword(user, current))
            throw DeskProblem.Invalid("The current password is not right.");
        ValidPassword(replacement);
        SetPassword(user, replacement!, user.Actor, "password changed");
        return Get(user.Id)!;
    }

    /// <summary>An admin sets a new password for an account: its lockout is lifted and its sessions end.</summary>
    public void ResetPassword(long id, string? password, Actor by)
    {
        var user = Get(id) ?? throw DeskProblem.NotFound($"account {id}");
        ValidPassword(password);
        SetPassword(user, password!, by, "password reset");
    }

    private void SetPassword(DeskUser user, string password, Actor by, string action)
    {
        using var transaction = db.Begin();
        using var update = db.Command("""
            UPDATE users SET password_hash = @hash, security_stamp = @stamp, failed_logins = 0, locked_until = NULL WHERE id = @id
            """, transaction);
        update.Bind("@hash", Hasher.HashPassword(user, password));
        update.Bind("@stamp", NewStamp());
        update.Bind("@id", user.Id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, action, detail: user.Name);
        transaction.Commit();
    }

    /// <summary>Disables an account (its sessions end, its API tokens stop working) or enables it again.</summary>
    public void SetDisabled(long id, bool disabled, Actor by)
    {
        var user = Get(id) ?? throw DeskProblem.NotFound($"account {id}");
        if (user.Disabled == disabled) return;
        if (disabled && user.Id == by.Id) throw DeskProblem.Conflict("You cannot disable your own account.");
        if (disabled && user.Role == DeskRoles.Admin && All().Count(u => u.Role == DeskRoles.Admin && !u.Disabled) == 1)
            throw DeskProblem.Conflict("This is the last admin account; make another admin first.");
        using var transaction = db.Begin();
        using var update = db.Command("UPDATE users SET disabled = @disabled, security_stamp = @stamp WHERE id = @id", transaction);
        update.Bind("@disabled", disabled);
        update.Bind("@stamp", NewStamp());
        update.Bind("@id", id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, disabled ? "account disabled" : "account enabled", detail: user.Name);
        transaction.Commit();
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Gives an account another role; sessions of the account pick it up on their next request.</summary>
    public void SetRole(long id, string role, Actor by)
    {
        role = DeskRoles.Parse(role);
        var user = Get(id) ?? throw DeskProblem.NotFound($"account {id}");
        if (user.Role == role) return;
        if (user.Role == DeskRoles.Admin && All().Count(u => u.Role == DeskRoles.Admin && !u.Disabled) == 1)
            throw DeskProblem.Conflict("This is the last admin account; make another admin first.");
        using var transaction = db.Begin();
        using var update = db.Command("UPDATE users SET role = @role WHERE id = @id", transaction);
        update.Bind("@role", role);
        update.Bind("@id", id);
        update.ExecuteNonQuery();
        audit.Record(transaction, by, "role changed", detail: $"{user.Name}: {user.Role} → {role}");
        transaction.Commit();
    }

    /// <summary>Deletes one of the user's own tokens; a token of someone else is not found.</summary>
    public void RevokeToken(DeskUser user, long tokenId)
    {
        using var transaction = db.Begin();
        using var delete = db.Command("DELETE FROM api_tokens WHERE id = @id AND user_id = @user RETURNING name", transaction);
        delete.Bind("@id", tokenId);
        delete.Bind("@user", user.Id);
        var name = delete.ExecuteScalar() as string ?? throw DeskProblem.NotFound($"API token {tokenId} of yours");
        audit.Record(transaction, user.Actor, "API token revoked", detail: name);
        transaction.Commit();
    }

    public IReadOnlyList<TokenInfo> Tokens(long userId)
    {
        using var select = db.Command("SELECT id, name, created_at FROM api_tokens WHERE user_id = @user ORDER BY id");
        select.Bind("@user", userId);
        return select.Rows(row => new TokenInfo(row.GetInt64(0), row.GetString(1), row.Time(2)!.Value));
    }

    public DeskUser? FindByToken(string secret)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        using var select = db.Command($"{Select} WHERE NOT disabled AND id = (SELECT user_id FROM api_tokens WHERE token_hash = @hash)");
        select.Bind("@hash", TokenHash(secret));
        using var row = select.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    // A token is 256 random bits, so a plain SHA-256 is enough: there is nothing to guess that a slow hash would protect.
    private static string TokenHash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private const string Select = "SELECT id, name, role, password_hash, failed_logins, locked_until, disabled, security_stamp FROM users";

    private DeskUser? One(string where, object key)
    {
        using var select = db.Command($"{Select} {where}");
        select.Bind("@key", key);
        using var row = select.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    private static DeskUser Read(DbDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.Int(4), row.Time(5), row.GetBoolean(6), row.GetString(7));
}
