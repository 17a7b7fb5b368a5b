using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Factdesk.Web.Accounts;

/// <summary>
/// The session cookie's ticket, decrypted once per cookie value and kept for <see cref="Kept"/>. A browser sends the
/// same cookie with every request, and decrypting and reading it (data protection: a key derivation, AES and an HMAC)
/// was a fixed cost of every page. Only that decryption is skipped: the cookie handler still checks the ticket's expiry,
/// and <c>OnValidatePrincipal</c> still checks the account (removed, disabled, new role, new password) against the
/// database, on every request. A value is kept only after it decrypted and verified, so a forged cookie never matches
/// one; what the cache delays is a data-protection key being revoked, by at most <see cref="Kept"/>.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>Sessions remembered at most; beyond it the expired ones are dropped, and if none has expired, all.</summary>
    public const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _kept = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(protectedText, out var kept) && kept.Until > now) return kept.Ticket.Clone();
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (_kept.Count >= MaxKept)
        {
            foreach (var (text, entry) in _kept)
                if (entry.Until <= now) _kept.TryRemove(text, out _);
            if (_kept.Count >= MaxKept) _kept.Clear();
        }
        // The handler and the validation event may change the ticket they are given: each request gets its own copy.
        _kept[protectedText] = (ticket.Clone(), now + Kept);
        return ticket;
    }
}
