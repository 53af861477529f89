using System.Security.Claims;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record Me(string Username, string DisplayName, string Role);

public static class AuthEndpoints
{
    public static async Task<IResult> Token(HttpRequest request, AccountDirectory accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(request, 8 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Username) || string.IsNullOrEmpty(body.Password))
        {
            return JsonBody.Invalid(string.IsNullOrWhiteSpace(body.Username) ? "username" : "password", "Send {\"username\": \"...\", \"password\": \"...\"}.");
        }
        var principal = accounts.Authenticate(body.Username.Trim(), body.Password, BearerTokenDefaults.AuthenticationScheme);
        return principal is null
            ? BadCredentials()
            : TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> SignIn(HttpContext context, AccountDirectory accounts)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalOnly(form["returnUrl"]);
        var principal = accounts.Authenticate(form["username"].ToString().Trim(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            return TypedResults.Redirect($"/signin?failed=1&username={Uri.EscapeDataString(form["username"].ToString())}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Redirect(returnUrl);
    }

    public static async Task<RedirectHttpResult> SignOut(HttpContext context, ClaimsPrincipal user)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/signin");
    }

    public static Ok<Me> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new Me(user.UserId(), user.Identity?.Name ?? user.UserId(), user.FindFirstValue(ClaimTypes.Role) ?? Roles.User));

    // Only paths on this site, so a crafted link cannot bounce a signed-in user to another site.
    private static string LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private static ProblemHttpResult BadCredentials() =>
        TypedResults.Problem("The username or password is not right.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
}
