using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ChangePlanToolTests : IDisposable
{
    private readonly TestActions _actions = new();

    [Fact]
    public async Task Upgrade_preview_shows_the_price_difference_and_a_prorated_charge_now()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Business"}""");

        var view = proposed.Action!;
        Assert.Equal(ConfirmationPolicy.User, view.Policy);
        Assert.Equal("Move from Team to Business (annual) now.", view.Preview.Summary);
        Assert.Equal("$2,400.00/year (+$960.00)", view.Detail("Total for 8 seats"));
        Assert.Equal("Now (22 November 2026)", view.Detail("Takes effect"));
        // 8 seats × ($300 − $180) × 120 days left of 365 until the 22 March 2027 renewal.
        Assert.Equal("$315.62 (prorated for the 120 days left in this period)", view.Detail("Charged now"));
    }

    [Fact]
    public async Task Confirmed_upgrade_changes_the_subscription_now()
    {
        var confirmed = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.ChangePlan, """{"plan":"business"}""");

        Assert.Equal(ActionStatus.Executed, confirmed.Action!.Status);
        var subscription = await _actions.Backoffice.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel);
        Assert.Equal(("Business", 300.00m, 8), (subscription!.Plan, subscription.PricePerSeat, subscription.Seats));
    }

    [Fact]
    public async Task Downgrade_is_scheduled_for_the_renewal_date_and_nothing_changes_until_then()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Starter"}""");
        Assert.Equal("22 March 2027, the end of your current term", proposed.Action!.Detail("Takes effect"));
        Assert.Null(proposed.Action!.Detail("Charged now"));

        var confirmed = await _actions.Decisions.ConfirmAsync(proposed.Action!.Id, Alice, Cancel);

        Assert.Equal(ActionStatus.Executed, confirmed.Action!.Status);
        Assert.Equal("Your move to Starter (annual) is scheduled for 22 March 2027; nothing changes until then.", confirmed.Action.Result!.Summary);
        var subscription = await _actions.Backoffice.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel);
        Assert.Equal(("Team", 180.00m), (subscription!.Plan, subscription.PricePerSeat));
        var scheduled = await _actions.Backoffice.GetScheduledChangeAsync(BackofficeSeed.AliceCustomerId, Cancel);
        Assert.Equal(("Starter", "annual", new DateOnly(2027, 3, 22)), (scheduled!.Plan, scheduled.BillingCycle, scheduled.EffectiveOn));
    }

    [Fact]
    public async Task Moving_to_the_current_plan_is_refused()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Team","cycle":"annual"}""");

        Assert.Equal(ActionOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("You are already on the Team plan, billed annually.", outcome.Message);
    }

    [Fact]
    public async Task Enterprise_is_refused_because_it_is_sold_by_quote()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Enterprise"}""");

        Assert.Equal(ActionOutcomeKind.Refused, outcome.Kind);
        Assert.StartsWith("Enterprise is sold by custom quote", outcome.Message);
        Assert.Equal("Team", (await _actions.Backoffice.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel))!.Plan);
    }

    [Fact]
    public async Task An_unknown_plan_fails_schema_validation()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Platinum"}""");

        Assert.Equal(ActionOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("plan", outcome.Errors!.Keys);
    }

    public void Dispose() => _actions.Dispose();
}
