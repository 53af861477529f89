using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Actions;

/// <summary>Short ways to propose an action and read back its audit trail in the action tests.</summary>
internal static class ActionTestExtensions
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    public static Task<ActionOutcome> ProposeAsync(this TestActions actions, Actor requester, string tool, string argumentsJson = "{}") =>
        actions.Proposals.ProposeAsync(requester, tool, Json(argumentsJson), new ActionOrigin(Source: "test"), Cancel);

    /// <summary>Proposes, asserts it waits for the user, and confirms it.</summary>
    public static async Task<ActionOutcome> ProposeAndConfirmAsync(this TestActions actions, Actor requester, string tool, string argumentsJson)
    {
        var proposed = await actions.ProposeAsync(requester, tool, argumentsJson);
        Assert.True(proposed.Succeeded, proposed.Message);
        Assert.Equal(ActionStatus.AwaitingUser, proposed.Action!.Status);
        return await actions.Decisions.ConfirmAsync(proposed.Action.Id, requester, Cancel);
    }

    /// <summary>The action's audit events, oldest first.</summary>
    public static async Task<List<string>> EventsAsync(this TestActions actions, string actionId) =>
        [.. (await actions.Audit.ListAsync(new AuditQuery(ActionId: actionId), Cancel)).Select(entry => entry.Event).Reverse()];

    public static string? Detail(this ActionView view, string label) =>
        view.Preview.Changes.FirstOrDefault(change => change.Label == label) is { } change ? change.After : null;
}
