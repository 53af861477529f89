using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class OpenTicketToolTests : IDisposable
{
    private readonly TestActions _actions = new(new Dictionary<string, string?> { ["Assistant:Actions:TicketsPerDay"] = "2" });

    private static string Ticket(int n) => $$"""{"subject":"Export fails {{n}}","body":"The CSV export stops at 10%."}""";

    [Fact]
    public async Task The_user_confirms_and_the_ticket_is_opened()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(1));
        Assert.Equal(ConfirmationPolicy.User, proposed.Action!.Policy);
        Assert.Empty(await _actions.Backoffice.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel));

        var confirmed = await _actions.Decisions.ConfirmAsync(proposed.Action.Id, Alice, Cancel);

        Assert.Equal(ActionStatus.Executed, confirmed.Action!.Status);
        var ticket = Assert.Single(await _actions.Backoffice.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel));
        Assert.Equal("Export fails 1", ticket.Subject);
    }

    [Fact]
    public async Task The_daily_limit_refuses_more_tickets_until_a_day_has_passed()
    {
        await _actions.ProposeAndConfirmAsync(Alice, ToolNames.OpenTicket, Ticket(1));
        await _actions.ProposeAndConfirmAsync(Alice, ToolNames.OpenTicket, Ticket(2));

        var third = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(3));
        Assert.Equal(ActionOutcomeKind.Refused, third.Kind);
        Assert.StartsWith("You have opened 2 tickets in the last 24 hours", third.Message);

        _actions.Clock.Advance(TimeSpan.FromHours(25));
        Assert.True((await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(3))).Succeeded);
    }

    [Fact]
    public async Task The_limit_is_checked_again_when_the_user_confirms()
    {
        var first = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(1));
        var second = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(2));
        var third = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, Ticket(3));
        await _actions.Decisions.ConfirmAsync(first.Action!.Id, Alice, Cancel);
        await _actions.Decisions.ConfirmAsync(second.Action!.Id, Alice, Cancel);

        var late = await _actions.Decisions.ConfirmAsync(third.Action!.Id, Alice, Cancel);

        Assert.Equal(ActionStatus.Failed, late.Action!.Status);
        Assert.Equal(2, (await _actions.Backoffice.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
    }

    public void Dispose() => _actions.Dispose();
}
