using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAI;
using OpenAI.Models;
using Xunit;

namespace Assistant.Web.Tests.OpenAICompatible;

/// <summary>GET /v1/models, driven by the official OpenAI .NET SDK as an existing client would (models.list).</summary>
public sealed class ModelsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sdk_lists_the_offline_generator_the_completions_endpoint_answers_with()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var models = CreateModelClient(factory, client);

        OpenAIModelCollection list = await models.GetModelsAsync(Cancel);

        var model = Assert.Single(list);
        Assert.Equal("assistant/extractive-v1", model.Id);
        Assert.Equal("assistant", model.OwnedBy);
        OpenAIModel one = await models.GetModelAsync("assistant/extractive-v1", Cancel);
        Assert.Equal("assistant/extractive-v1", one.Id);
    }

    [Fact]
    public async Task A_configured_model_is_listed_before_the_offline_fallback()
    {
        await using var factory = new AssistantWebFactory();
        await using var configured = factory.WithWebHostBuilder(host => host
            .UseSetting("Assistant:Model:Model", "gpt-4o-mini")
            .UseSetting("Assistant:Model:Endpoint", "http://127.0.0.1:9/v1"));
        using var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(client));

        OpenAIModelCollection list = await CreateModelClient(configured, client).GetModelsAsync(Cancel);

        Assert.Equal(["assistant/gpt-4o-mini", "assistant/extractive-v1"], list.Select(m => m.Id));
    }

    [Fact]
    public async Task Models_need_sign_in_like_chat_completions_and_an_unknown_model_is_a_404_problem()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        using var anonymous = factory.CreateClient();

        using var refused = await anonymous.GetAsync("/v1/models", Cancel);
        using var missing = await client.GetAsync("/v1/models/gpt-5", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "alice", password = AssistantWebFactory.DemoPasswords["alice"] }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("accessToken").GetString()!;
    }

    private static OpenAIModelClient CreateModelClient(WebApplicationFactory<Program> factory, HttpClient client) =>
        new(new ApiKeyCredential(client.DefaultRequestHeaders.Authorization!.Parameter!), new OpenAIClientOptions
        {
            Endpoint = new Uri(client.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(factory.CreateClient()),
        });
}
