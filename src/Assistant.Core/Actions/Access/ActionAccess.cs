using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.Access;

/// <summary>
/// Who may see, request and decide what. Requesters see and decide their own requests; support staff see every
/// request and approve or reject other people's, never their own; Admin-policy requests need an admin. Every refusal
/// of a person who tried is written to the audit log as a permission-denied row.
/// </summary>
public sealed class ActionAccess(IPendingActionStore store, IBackofficeStore backoffice, ActionAudit audit, ActionOutcomes outcomes)
{
    public static bool MaySee(PendingAction action, Actor viewer) => action.RequestedBy == viewer.Username || viewer.IsStaff;

    /// <summary>Whose actions a list shows: the viewer's own, or everyone's (null) when staff ask for everyone's.</summary>
    public static string? ListedFor(Actor viewer, bool everyone) => everyone && viewer.IsStaff ? null : viewer.Username;

    /// <summary>Who may let a policy through: the requester confirms; staff other than the requester approve; admins for Admin.</summary>
    public static bool Satisfies(ConfirmationPolicy policy, Actor decidedBy, Actor requester) => policy switch
    {
        ConfirmationPolicy.None => decidedBy.Username == requester.Username,
        ConfirmationPolicy.User => decidedBy.Username == requester.Username,
        ConfirmationPolicy.Agent => decidedBy.IsStaff && decidedBy.Username != requester.Username,
        ConfirmationPolicy.Admin => decidedBy.IsAdmin && decidedBy.Username != requester.Username,
        _ => false,
    };

    /// <summary>Tools act on a customer's own account: only the role a tool names may request it.</summary>
    public async Task<ActionOutcome?> CheckRequesterRoleAsync(Actor requester, AssistantTool tool, string? hash)
    {
        if (requester.Role == tool.Declaration.RequiredRole)
        {
            return null;
        }
        await audit.WriteAsync(requester, AuditEvent.PermissionDenied, tool.Declaration.Name, "refused", null, hash, $"Role {requester.Role} may not request {tool.Declaration.Name}.");
        return ActionOutcome.Forbidden($"Tools act on a customer's own account; a {requester.Role} cannot request them. Support staff approve requests in the review queue instead.");
    }

    /// <summary>The requester's customer account, which tools act on; a refusal when they have none.</summary>
    public async Task<(Customer? Customer, ActionOutcome? Problem)> FindCustomerAsync(Actor requester, string tool, string? hash, CancellationToken cancellationToken)
    {
        if (await backoffice.GetCustomerAsync(requester.Username, cancellationToken) is { } customer)
        {
            return (customer, null);
        }
        await audit.WriteAsync(requester, AuditEvent.PermissionDenied, tool, "refused", null, hash, "No customer account.");
        return (null, ActionOutcome.Forbidden($"{requester.Username} has no customer account for tools to act on."));
    }

    /// <summary>The action, if <paramref name="actor"/> asked for it; staff learn it exists, others do not.</summary>
    public async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForRequesterAsync(string id, Actor actor, string verb, CancellationToken cancellationToken)
    {
        var action = await store.GetAsync(id, cancellationToken);
        if (action is null || !MaySee(action, actor))
        {
            return (null, ActionOutcome.NotFound($"There is no action '{id}'."));
        }
        if (action.RequestedBy != actor.Username)
        {
            await audit.WriteAsync(actor, AuditEvent.PermissionDenied, action, "refused", $"Only the requester may {verb}.");
            return (null, ActionOutcome.Forbidden($"Only {action.RequestedBy}, who asked for this, can {verb} it. Staff approve or reject requests in the review queue."));
        }
        return (action, null);
    }

    /// <summary>The action, if <paramref name="approver"/> is staff and did not ask for it.</summary>
    public async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForApproverAsync(string id, Actor approver, string verb, CancellationToken cancellationToken)
    {
        var action = await store.GetAsync(id, cancellationToken);
        if (!approver.IsStaff)
        {
            if (action is not null)
            {
                await audit.WriteAsync(approver, AuditEvent.PermissionDenied, action, "refused", $"Only support staff may {verb}.");
            }
            // Forbidden whether or not the id exists, so a customer learns nothing about other people's requests.
            return (null, ActionOutcome.Forbidden(action?.RequestedBy == approver.Username
                ? $"Only support staff can {verb} requests; yours is waiting for them."
                : $"Only support staff can {verb} requests."));
        }
        if (action is null)
        {
            return (null, ActionOutcome.NotFound($"There is no action '{id}'."));
        }
        if (action.RequestedBy == approver.Username)
        {
            await audit.WriteAsync(approver, AuditEvent.PermissionDenied, action, "refused", $"May not {verb} their own request.");
            return (null, ActionOutcome.Forbidden($"You cannot {verb} your own request; another member of staff has to."));
        }
        return (action, null);
    }

    /// <summary>An agent may not approve what the policy reserves for admins.</summary>
    public async Task<ActionOutcome?> CheckApproverMeetsPolicyAsync(PendingAction action, Actor approver)
    {
        if (action.Policy != ConfirmationPolicy.Admin || approver.IsAdmin)
        {
            return null;
        }
        await audit.WriteAsync(approver, AuditEvent.PermissionDenied, action, "refused", "Needs an admin's approval.");
        return ActionOutcome.Forbidden($"{outcomes.View(action).Preview.PolicyReason ?? "This request needs an admin's approval."} Ask an admin to approve it.");
    }
}
