using System.Security.Claims;

namespace Assistant.Web.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in account's username, the owner id of everything it creates.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Admin);
}
