using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Gateway.Tests.Support;

/// <summary>Reads /healthz: which destinations the gateway currently routes to.</summary>
public static class GatewayHealth
{
    public static async Task<bool> IsAvailableAsync(HttpClient client, string destination)
    {
        var status = await client.GetFromJsonAsync<JsonElement>("/healthz");
        return status.GetProperty("destinations").EnumerateArray()
            .Single(entry => entry.GetProperty("destination").GetString() == destination)
            .GetProperty("available").GetBoolean();
    }
}
