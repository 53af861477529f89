using System.Security.Claims;
using Assistant.Core.Actions;

namespace Assistant.Web.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in account's username, the owner id of everything it creates.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Admin);

    /// <summary>The signed-in account as the action service sees it: username and its most trusted role.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.IsInRole(Roles.Admin) ? Roles.Admin : user.IsInRole(Roles.Agent) ? Roles.Agent : Roles.User);
}
