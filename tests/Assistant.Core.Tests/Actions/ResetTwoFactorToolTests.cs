using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ResetTwoFactorToolTests : IDisposable
{
    private readonly TestActions _actions = new();

    [Fact]
    public async Task Approval_without_an_identity_check_note_is_invalid_and_changes_nothing()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.ResetTwoFactor, """{"reason":"Lost my phone"}""");
        Assert.Equal(ActionStatus.AwaitingApproval, submitted.Action!.Status);
        Assert.NotNull(submitted.Action.ApprovalNote);

        var outcome = await _actions.Decisions.ApproveAsync(submitted.Action.Id, Sam, "  ", Cancel);

        Assert.Equal(ActionOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("reason", outcome.Errors!.Keys);
        Assert.Equal(ActionStatus.AwaitingApproval, (await _actions.Reader.GetAsync(submitted.Action.Id, Sam, Cancel))!.Status);
    }

    [Fact]
    public async Task The_identity_check_note_is_stored_with_the_reset()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.ResetTwoFactor, """{"reason":"Lost my phone"}""");

        var approved = await _actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "Verification link from alice@brightpath.example clicked", Cancel);

        Assert.Equal(ActionStatus.Executed, approved.Action!.Status);
        Assert.Contains(approved.Action.Result!.Details, d => d.Label == "Identity check" && d.After == "Verification link from alice@brightpath.example clicked");
        Assert.Equal("Verification link from alice@brightpath.example clicked", approved.Action.DecisionReason);
    }

    public void Dispose() => _actions.Dispose();
}
