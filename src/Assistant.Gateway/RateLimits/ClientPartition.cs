using System.Security.Cryptography;
using System.Text;

namespace Assistant.Gateway.RateLimits;

/// <summary>
/// Who a request counts against. The gateway cannot read the user out of the cookie (the replicas' keys protect it),
/// so it counts by a hash of the credential: one sign-in is one partition. The hash keeps the credential itself out
/// of the limiter's memory and out of any dump. Without a credential, the client's IP address.
/// </summary>
public static class ClientPartition
{
    public static string For(HttpContext context, string authCookieName)
    {
        var credential = context.Request.Cookies[authCookieName];
        if (string.IsNullOrEmpty(credential))
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            credential = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization : null;
        }
        if (!string.IsNullOrEmpty(credential))
        {
            return "user:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), 0, 16);
        }
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
