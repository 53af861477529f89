using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Cli.Benchmarks;

/// <summary>One simulated user connection: its own HttpClient over one TCP connection, signed in with a bearer token.</summary>
internal sealed class LoadClient : IDisposable
{
    private readonly HttpClient _http;

    private LoadClient(HttpClient http) => _http = http;

    public static async Task<string> SignInAsync(Uri baseAddress, string username, string password, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static LoadClient Connect(Uri baseAddress, string token)
    {
        // One connection per simulated user, as a browser tab or an API client would hold.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new LoadClient(http);
    }

    public async Task<string> CreateConversationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("/api/conversations", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Asks and reads the whole answer; the status code says whether it was answered.</summary>
    public async Task<HttpStatusCode> AskAsync(string conversationId, string question, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = question }, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
