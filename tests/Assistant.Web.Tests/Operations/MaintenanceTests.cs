using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Operations;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Operations.OperationsApi;

namespace Assistant.Web.Tests.Operations;

/// <summary>Maintenance: every question gets the admin's message, in the chat API and /v1/chat/completions; nothing is retrieved or generated.</summary>
public sealed class MaintenanceTests
{
    private const string Question = "How long do I have to request a full refund?";
    private const string Message = "Back at 21:00 UTC: we are upgrading the assistant.";

    [Fact]
    public async Task Maintenance_set_by_an_admin_answers_with_the_message_at_once_and_is_audited()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        Assert.Equal("Answered", (await AskAsync(alice, Question)).GetProperty("outcome").GetString());

        var view = await SetAsync(ada, new { maintenance = true, maintenanceMessage = Message });

        var answer = await AskAsync(alice, Question);
        Assert.Equal((Message, "Failed", "maintenance"), (Text(answer, "text"), Text(answer, "outcome"), Text(answer, "generator")));
        Assert.Equal("", Text(answer, "model"));
        Assert.Contains(Message, await CompleteAsync(alice, Question));
        Assert.Equal(("admin", "ada", true), (view.GetProperty("current").GetProperty("source").GetString(),
            view.GetProperty("current").GetProperty("changedBy").GetString(), view.GetProperty("current").GetProperty("settings").GetProperty("maintenance").GetBoolean()));
        var entry = Assert.Single(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.OperationsChanged), Cancel));
        Assert.Equal(("ada", "operations", "all on → maintenance"), (entry.Actor, entry.Tool, entry.Detail));
        // The stored conversation holds the maintenance reply, never an answer from a model.
        var conversations = factory.Services.GetRequiredService<IConversationStore>();
        var newest = (await conversations.ListAsync("alice", 1, Cancel)).Single();
        var reply = (await conversations.GetAsync(newest.Id, Cancel))!.Messages.Single(m => m.Role == "assistant").Answer!;
        Assert.Equal(("maintenance", null), (reply.Generator, reply.Model));
    }

    [Fact]
    public async Task A_change_written_by_another_replica_is_in_force_within_a_second()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var alice = await factory.CreateIngestedClientAsync("alice");
        Assert.NotEqual("Failed", (await AskAsync(alice, Question)).GetProperty("outcome").GetString());
        // Another process on the same app database: its own connection, its own store.
        var replica = new SqliteOperationsStore(new SqliteDatabase(factory.Services.GetRequiredService<SqliteDatabase>().Path), TimeProvider.System);

        await replica.WriteAsync(new OperationsSettings(false, [], false, true, Message), "ada", Cancel);
        var clock = Stopwatch.StartNew();
        JsonElement answer;
        do
        {
            answer = await AskAsync(alice, Question);
        }
        while (Text(answer, "text") != Message && clock.Elapsed < TimeSpan.FromSeconds(3));

        Assert.Equal(Message, Text(answer, "text"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Maintenance_from_configuration_applies_at_start_until_an_admin_overrides_it_and_again_once_cleared()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Operations:Maintenance"] = "true";
        factory.Settings["Assistant:Operations:MaintenanceMessage"] = Message;
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var atStart = await ada.GetFromJsonAsync<JsonElement>("/api/admin/operations", Cancel);
        var first = await AskAsync(alice, Question);
        await SetAsync(ada, new { maintenance = false });
        var overridden = await AskAsync(alice, Question);
        using var cleared = await ada.DeleteAsync("/api/admin/operations", Cancel);
        var again = await AskAsync(alice, Question);

        Assert.Equal("configuration", atStart.GetProperty("current").GetProperty("source").GetString());
        Assert.Equal(Message, Text(first, "text"));
        Assert.NotEqual(Message, Text(overridden, "text"));
        Assert.Equal(System.Net.HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(Message, Text(again, "text"));
        Assert.Equal(2, (await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.OperationsChanged), Cancel)).Count);
    }
}
