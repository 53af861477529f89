using System.Net;
using System.Net.Http.Json;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class ActionsOpenApiTests
{
    [Fact]
    public async Task The_action_and_audit_endpoints_are_described_in_openapi_and_need_a_sign_in()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var anonymous = factory.CreateClient();

        var (status, document) = await GetAsync(alice, "/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var path in new[] { "/api/tools", "/api/actions", "/api/actions/{id}", "/api/actions/{id}/approve", "/api/audit", "/api/audit/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}.");
        }
        Assert.Contains("Propose", paths.GetProperty("/api/actions").GetProperty("post").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/actions", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/actions", new { tool = "look_up_orders" }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_tool_without_arguments_can_be_proposed_without_an_arguments_member()
    {
        await using var factory = new AssistantWebFactory();
        using var bob = await factory.CreateIngestedClientAsync("bob");

        var (status, action) = await SendAsync(bob.PostAsJsonAsync("/api/actions", new { tool = "look_up_subscription" }, Cancel));
        var (stringArguments, problem) = await SendAsync(bob.PostAsJsonAsync("/api/actions", new { tool = "look_up_subscription", arguments = "all" }, Cancel));

        Assert.Equal((HttpStatusCode.Created, "Starter"), (status, Detail(action, "Plan")));
        Assert.Equal(HttpStatusCode.BadRequest, stringArguments);
        Assert.Equal(["arguments"], ErrorFields(problem));
    }
}
