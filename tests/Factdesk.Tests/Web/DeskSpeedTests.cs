using System.Data;
using System.Security.Claims;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Factdesk.Tests.Web;

/// <summary>The desk's two per-request shortcuts: the pool of open connections and the remembered session tickets.</summary>
public sealed class DeskSpeedTests
{
    [Fact]
    public void A_session_cookie_is_decrypted_once_a_minute_and_a_forged_one_is_never_remembered()
    {
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("desk speed test")));
        var clock = new TestClock();
        var tickets = new RememberedTickets(inner, clock);
        var cookie = tickets.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ann")], "test")), "Cookies"));

        var first = tickets.Unprotect(cookie);
        var second = tickets.Unprotect(cookie);
        Assert.Equal("ann", second!.Principal.Identity!.Name);
        Assert.NotSame(first, second);
        Assert.Equal(1, inner.Reads);

        var forged = cookie[..20] + (cookie[20] == 'A' ? 'B' : 'A') + cookie[21..];
        Assert.Null(tickets.Unprotect(forged));
        Assert.Null(tickets.Unprotect(forged));
        Assert.Equal(3, inner.Reads);

        clock.Now += RememberedTickets.Kept;
        Assert.Equal("ann", tickets.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal(4, inner.Reads);
    }

    [Fact]
    public void A_connection_is_lent_again_only_when_it_comes_back_idle_and_the_pool_closes_them_all()
    {
        using var temp = new TempDirectory();
        var pool = new DeskConnections(new DeskOptions(temp.File("desk.db"), ""));
        var first = pool.Borrow();
        pool.GiveBack(first);
        Assert.Same(first, pool.Borrow());

        using (var busy = first.CreateCommand())
        {
            busy.CommandText = "SELECT 1 UNION ALL SELECT 2";
            using var reader = busy.ExecuteReader();
            Assert.True(reader.Read());
            // A statement still stepping: the connection is closed rather than lent to the next request.
            pool.GiveBack(first);
        }
        Assert.Equal(0, pool.Count);
        Assert.Equal(ConnectionState.Closed, first.State);

        var second = pool.Borrow();
        Assert.NotSame(first, second);
        pool.GiveBack(second);
        Assert.Equal(1, pool.Count);
        pool.Dispose();
        Assert.Equal(ConnectionState.Closed, second.State);
        Assert.Throws<ObjectDisposedException>(() => pool.Borrow());
    }

    private sealed class TestClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return inner.Unprotect(protectedText, purpose);
        }
    }
}
