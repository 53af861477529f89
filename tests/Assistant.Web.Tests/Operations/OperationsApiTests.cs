using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static Assistant.Web.Tests.Operations.OperationsApi;

namespace Assistant.Web.Tests.Operations;

/// <summary>/api/admin/operations: admins only; bad input is a 400 naming the field and changes nothing; a bad configuration does not start.</summary>
public sealed class OperationsApiTests
{
    [Theory]
    [InlineData("""{"disabledTools": ["launch_rockets"]}""", "disabledTools")]
    [InlineData("""{"maintenanceMessage": "   "}""", "maintenanceMessage")]
    [InlineData("""{"maintenance": "yes please"}""", "body")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Bad_input_is_a_400_naming_what_was_wrong_and_changes_nothing(string body, string field)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        using var response = await ada.PutAsync("/api/admin/operations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var view = await ada.GetFromJsonAsync<JsonElement>("/api/admin/operations", Cancel);
        Assert.Equal("configuration", view.GetProperty("current").GetProperty("source").GetString());
        Assert.Empty(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.OperationsChanged), Cancel));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("sam")]
    public async Task Only_admins_read_or_change_the_switches(string username)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = await factory.CreateIngestedClientAsync(username);

        using var read = await client.GetAsync("/api/admin/operations", Cancel);
        using var change = await client.PutAsJsonAsync("/api/admin/operations", new { maintenance = true }, Cancel);
        using var clear = await client.DeleteAsync("/api/admin/operations", Cancel);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { read.StatusCode, change.StatusCode, clear.StatusCode });
        Assert.NotEqual("Failed", (await AskAsync(client, "What does error 410 mean?")).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_unknown_tool_in_configuration_stops_the_service_at_start()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Operations:DisabledTools:0"] = "launch_rockets";

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("launch_rockets", failure.Message);
    }
}
