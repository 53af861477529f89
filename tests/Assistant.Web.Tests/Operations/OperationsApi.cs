using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Operations;

/// <summary>The calls the kill-switch tests make over HTTP.</summary>
internal static class OperationsApi
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> SetAsync(HttpClient admin, object switches)
    {
        using var response = await admin.PutAsJsonAsync("/api/admin/operations", switches, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Asks in a new conversation and returns the answer as the API returns it.</summary>
    public static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var created = await client.PostAsync("/api/conversations", null, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var response = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = question }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("answer");
    }

    /// <summary>The assistant's reply through the OpenAI-compatible endpoint.</summary>
    public static async Task<string> CompleteAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/v1/chat/completions",
            new { model = "assistant", messages = new[] { new { role = "user", content = question } } }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }

    public static string Text(JsonElement answer, string property) => answer.GetProperty(property).ValueKind == JsonValueKind.Null ? "" : answer.GetProperty(property).ToString();
}
