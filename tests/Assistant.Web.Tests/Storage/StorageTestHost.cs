using System.Net.Http.Headers;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests.Storage;

internal static class StorageTestHost
{
    /// <summary>A client of a (possibly reconfigured) factory, signed in once the start-up ingest has finished.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string username)
    {
        var client = host.CreateClient();
        await host.Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        using var anonymous = host.CreateClient();
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(anonymous, "/api/auth/token",
            new { username, password = AssistantWebFactory.DemoPasswords[username] });
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
