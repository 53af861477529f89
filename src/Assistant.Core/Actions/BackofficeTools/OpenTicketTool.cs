using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions.BackofficeTools;

public sealed class OpenTicketTool(IBackofficeStore backoffice, IOptions<ActionOptions> options) : AssistantTool
{
    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.OpenTicket,
        "Open a support ticket",
        "Opens a support ticket for the signed-in customer with a subject and a description of the problem. Use when they ask to contact support or open a ticket.",
        Ownership: "Opened on the requester's own account.",
        RiskLevel.Low,
        ConfirmationPolicy.User,
        Limits: [$"At most {options.Value.TicketsPerDay} tickets per customer in 24 hours.", "Subject up to 120 characters, description up to 4,000."],
        ToolIdempotency.ExactlyOncePerAction);

    public async Task<ToolPreview> PreviewAsync(ToolContext context,
        [Description("A short subject line"), Length(1, 120)] string subject,
        [Description("What the problem is, in the customer's words"), Length(1, 4000)] string body,
        CancellationToken cancellationToken = default)
    {
        await CheckDailyLimitAsync(context, cancellationToken);
        return new ToolPreview($"Open a support ticket: “{subject.Trim()}”.",
            [new("Subject", null, subject.Trim()), new("Description", null, body.Trim())],
            ConfirmationPolicy.User);
    }

    public async Task<ToolResult> ExecuteAsync(ToolContext context,
        [Description("A short subject line"), Length(1, 120)] string subject,
        [Description("What the problem is, in the customer's words"), Length(1, 4000)] string body,
        CancellationToken cancellationToken = default)
    {
        // The store counts and inserts in one step: two approvals racing on two replicas cannot both take the last place.
        var ticket = await backoffice.CreateTicketWithinLimitAsync(context.Customer.Id, subject.Trim(), body.Trim(), options.Value.TicketsPerDay, cancellationToken)
            ?? throw LimitReached(options.Value.TicketsPerDay);
        return new ToolResult($"Ticket {ticket.Id} is open; support replies by email to {context.Customer.Email}.",
            [new("Ticket", null, ticket.Id), new("Subject", null, ticket.Subject), new("Status", null, ticket.Status)]);
    }

    private async Task CheckDailyLimitAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var since = context.Now.AddDays(-1);
        var recent = (await backoffice.ListTicketsAsync(context.Customer.Id, cancellationToken)).Count(t => t.CreatedAt > since);
        if (recent >= options.Value.TicketsPerDay)
        {
            throw LimitReached(recent);
        }
    }

    private static ToolRefusedException LimitReached(int recent) => new(ToolRefusal.Limit,
        $"You have opened {recent} tickets in the last 24 hours, the most the assistant can open for you; support will reply to those first.");
}
