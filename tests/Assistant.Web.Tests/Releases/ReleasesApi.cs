using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Releases;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Releases;

/// <summary>The calls the rollout tests make: versions through the store, the rollout over HTTP.</summary>
internal static class ReleasesApi
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Publishes a version made from the configured one with <paramref name="change"/> applied (by default a
    /// different answer length, so the diff has a line), as an admin would through /api/admin/versions.
    /// </summary>
    public static async Task<AssistantVersion> PublishAsync(IServiceProvider services, string id, Func<AssistantSettings, AssistantSettings>? change = null,
        bool publish = true)
    {
        var store = services.GetRequiredService<IAssistantVersionStore>();
        var configured = await store.ConfiguredAsync(Cancel);
        var settings = change?.Invoke(configured.Settings)
            ?? configured.Settings with { Answers = configured.Settings.Answers with { MaxAnswerWords = configured.Settings.Answers.MaxAnswerWords + 20 } };
        var draft = await store.CreateDraftAsync(id, $"Test version {id}", settings, configured.Id, "ada", Cancel);
        return publish ? await store.PublishAsync(draft.Id, "ada", Cancel) : draft;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> StartAsync(HttpClient admin, string candidate, string[]? users = null, string[]? groups = null, double percentage = 0)
    {
        var (status, body) = await SendAsync(admin, HttpMethod.Put, "/api/admin/releases/candidate", new { candidate, users, groups, percentage });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
