using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class LookUpToolTests : IDisposable
{
    private readonly TestActions _actions = new();

    [Fact]
    public async Task Subscription_look_up_runs_at_once_and_shows_the_requesters_plan()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.LookUpSubscription);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(ActionStatus.Executed, outcome.Action!.Status);
        Assert.Equal(ConfirmationPolicy.None, outcome.Action.Policy);
        Assert.Equal("You are on the Team plan with 8 seats, billed annually.", outcome.Action.Result!.Summary);
        Assert.Contains(outcome.Action.Result.Details, d => d.Label == "Renews on" && d.After == "22 March 2027");
        Assert.Equal([AuditEvent.Proposed, AuditEvent.Executed], await _actions.EventsAsync(outcome.Action.Id));
    }

    [Fact]
    public async Task Invoice_look_up_finds_the_requesters_own_invoice()
    {
        var outcome = await _actions.ProposeAsync(Bob, ToolNames.LookUpInvoice, $$"""{"invoice":"{{BackofficeSeed.BobLatestInvoice}}"}""");

        Assert.Equal(ActionStatus.Executed, outcome.Action!.Status);
        Assert.Equal("Invoice INV-2026-0455: $18.00, paid.", outcome.Action.Result!.Summary);
    }

    [Fact]
    public async Task Another_customers_invoice_is_not_found_and_the_attempt_is_audited()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.LookUpInvoice, $$"""{"invoice":"{{BackofficeSeed.BobLatestInvoice}}"}""");

        Assert.Equal(ActionOutcomeKind.NotFound, outcome.Kind);
        Assert.Equal("There is no invoice INV-2026-0455 on your account.", outcome.Message);
        var entry = Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(Actor: "alice"), ActionTestExtensions.Cancel));
        Assert.Equal(AuditEvent.PermissionDenied, entry.Event);
        Assert.Empty(await _actions.Reader.ListAsync(Alice, [.. ActionStatus.Waiting, ActionStatus.Executed, ActionStatus.Failed], cancellationToken: ActionTestExtensions.Cancel));
    }

    [Fact]
    public async Task Invoice_look_up_without_a_number_lists_only_own_recent_invoices()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.LookUpInvoice);

        var numbers = outcome.Action!.Result!.Details.Select(d => d.Label).ToList();
        Assert.Equal(["INV-2026-0471", "INV-2026-0142", "INV-2025-0388", "INV-2025-0217"], numbers);
    }

    [Fact]
    public async Task Orders_look_up_lists_only_the_requesters_orders()
    {
        var outcome = await _actions.ProposeAsync(Bob, ToolNames.LookUpOrders);

        Assert.Equal(ActionStatus.Executed, outcome.Action!.Status);
        var order = Assert.Single(outcome.Action.Result!.Details);
        Assert.Equal("Starter plan, monthly: 2 seats × $9.00 · $18.00", order.After);
    }

    [Fact]
    public async Task Staff_cannot_use_customer_tools()
    {
        var outcome = await _actions.ProposeAsync(Sam, ToolNames.LookUpSubscription);

        Assert.Equal(ActionOutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal(AuditEvent.PermissionDenied, Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(Actor: "sam"), ActionTestExtensions.Cancel)).Event);
    }

    public void Dispose() => _actions.Dispose();
}
