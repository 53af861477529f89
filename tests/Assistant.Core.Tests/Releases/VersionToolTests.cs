using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Proposing;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Releases;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>A tool the answering version does not enable is refused like a switched-off tool: not planned, not proposed, audited.</summary>
public sealed class VersionToolTests : IDisposable
{
    private static readonly Actor Alice = new("alice", ActorRole.User);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TestKnowledgeBase _host = new(services => services.AddAssistantBackoffice().AddAssistantAudit().AddAssistantActions()
        .AddSingleton<SettableVersionSelector>().AddSingleton<IVersionSelector>(provider => provider.GetRequiredService<SettableVersionSelector>()));

    private async Task WithoutRefundsAsync()
    {
        await BackofficeSeed.EnsureSeededAsync(_host.Get<IBackofficeSeedStore>(), DateOnly.FromDateTime(DateTime.UtcNow), Cancel);
        var store = _host.Get<IAssistantVersionStore>();
        var configured = await store.ConfiguredAsync(Cancel);
        _host.Get<SettableVersionSelector>().Version = await store.CreateDraftAsync("v2-no-refunds", "", configured.Settings with
        {
            EnabledTools = configured.Settings.EnabledTools.Where(tool => tool != ToolNames.RequestRefund).ToList(),
        }, configured.Id, "ada", Cancel);
    }

    private Task<ActionOutcome> ProposeAsync(string tool, string arguments) =>
        _host.Get<ActionProposals>().ProposeAsync(Alice, tool, JsonDocument.Parse(arguments).RootElement, new ActionOrigin(Source: "test"), Cancel);

    [Fact]
    public async Task A_tool_the_version_does_not_enable_is_refused_and_audited_while_its_other_tools_work()
    {
        await WithoutRefundsAsync();

        var refund = await ProposeAsync(ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":40}""");
        var ticket = await ProposeAsync(ToolNames.OpenTicket, """{"subject":"Help","body":"Please call me."}""");

        Assert.False(refund.Succeeded);
        Assert.Contains("'request_refund' is not enabled in the assistant version 'v2-no-refunds'", refund.Message);
        Assert.True(ticket.Succeeded, ticket.Message);
        var denied = Assert.Single(await _host.Get<IAuditLog>().ListAsync(new AuditQuery(Tool: ToolNames.RequestRefund, Event: AuditEvent.Denied), Cancel));
        Assert.Contains("'v2-no-refunds' does not enable the tool", denied.Detail);
    }

    [Fact]
    public async Task A_plan_for_a_tool_the_version_does_not_enable_is_dropped()
    {
        var planner = _host.Get<IToolPlanner>();
        const string Message = "I want a refund of invoice INV-2026-0142";
        var before = await planner.PlanAsync(Message, [], "alice", Cancel);

        await WithoutRefundsAsync();
        var after = await planner.PlanAsync(Message, [], "alice", Cancel);

        Assert.Equal(ToolNames.RequestRefund, before?.Tool);
        Assert.Null(after);
    }

    public void Dispose() => _host.Dispose();
}
