using System.Globalization;
using System.Security.Claims;

namespace Factdesk.Web.Accounts;

/// <summary>What a signed-in principal carries (id, name, role) and reading it back in an endpoint.</summary>
public static class DeskClaims
{
    public static ClaimsPrincipal Principal(DeskUser user, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(StampClaim, user.SecurityStamp),
            ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static Data.Actor Actor(this ClaimsPrincipal principal) =>
        new(long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture), principal.Identity!.Name!);

    public const string StampClaim = "factdesk:stamp";

    public static string? Stamp(this ClaimsPrincipal principal) => principal.FindFirstValue(StampClaim);

    public static string? Role(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Role);

    public static bool Can(this ClaimsPrincipal principal, string role) => DeskRoles.Allows(principal.Role(), role);
}
