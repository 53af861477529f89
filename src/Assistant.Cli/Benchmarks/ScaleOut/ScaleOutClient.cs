using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// One simulated user at the gateway: one connection, a cookie jar (the gateway's affinity cookie, as a browser keeps
/// it) and a bearer token from POST /api/auth/token. Every request goes into the run's log with its time and status.
/// A 401 (the token was signed by a replica whose keys the serving replica does not share) is logged as an error
/// and the user signs in again, as a client would.
/// </summary>
internal sealed class ScaleOutClient(HttpClient http, string username, string password, RequestLog log) : IDisposable
{
    public string Username => username;

    public static ScaleOutClient Connect(Uri gateway, string username, string password, RequestLog log)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            CookieContainer = new CookieContainer(),
            UseCookies = true,
        };
        return new ScaleOutClient(new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) }, username, password, log);
    }

    public async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync("sign-in", HttpMethod.Post, "/api/auth/token", new { username, password }, [], cancellationToken);
        if (status != HttpStatusCode.OK || body is not { } json)
        {
            return false;
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return true;
    }

    /// <summary>Sends, logs and returns the status (0 when no response came) and the JSON body of a success.</summary>
    /// <param name="expected">Statuses besides 2xx that the scenario counts as fine.</param>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(string kind, HttpMethod method, string path, object? content,
        IReadOnlyCollection<HttpStatusCode> expected, CancellationToken cancellationToken)
    {
        var start = log.Now;
        HttpStatusCode status = 0;
        JsonElement? body = null;
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content is null ? null : JsonContent.Create(content) };
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            status = response.StatusCode;
            if (response.IsSuccessStatusCode && text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using var document = JsonDocument.Parse(text);
                body = document.RootElement.Clone();
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // No response: the connection was reset or refused, or the request timed out.
        }
        var ok = (int)status is >= 200 and < 300 || expected.Contains(status);
        log.Add(new RequestRecord(kind, start, log.Now, (int)status, ok));
        if (status == HttpStatusCode.Unauthorized && kind != "sign-in")
        {
            await SignInAsync(cancellationToken);
        }
        return (status, body);
    }

    public void Dispose() => http.Dispose();
}
