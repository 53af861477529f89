using System.Security.Cryptography;
using System.Text;
using Assistant.Web.Auth;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;

namespace Assistant.Web.Monitoring;

/// <summary>Who may read /metrics when <see cref="MonitoringOptions.MetricsRequireAuth"/> is on: an admin's bearer token, or the scraper's token.</summary>
public static class MetricsAccess
{
    public const string Policy = "metrics-scraper";

    // Bearer only: a scraper is no browser, so a refusal is a 401 or 403, never a redirect to the sign-in page.
    public static void Configure(AuthorizationPolicyBuilder policy, string? token) =>
        policy.AddAuthenticationSchemes(BearerTokenDefaults.AuthenticationScheme).RequireAssertion(context => context.User.IsInRole(Roles.Admin)
            || (context.Resource is HttpContext http && CarriesToken(http.Request, token)));

    private static bool CarriesToken(HttpRequest request, string? token)
    {
        const string prefix = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Constant time: how long the comparison takes must not tell a guesser how much of the token was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
