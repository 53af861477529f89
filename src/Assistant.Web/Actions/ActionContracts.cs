using System.Text.Json;
using Assistant.Core.Actions;

namespace Assistant.Web.Actions;

/// <summary>POST /api/actions: which tool, its arguments, and optionally the caller's conversation it belongs to.</summary>
public sealed record ProposeActionRequest(string? Tool, JsonElement Arguments, string? ConversationId);

/// <summary>The body of approve, reject and cancel: why (required to reject, and to approve tools with an approval note).</summary>
public sealed record DecisionRequest(string? Reason);

/// <summary>GET /api/actions/{id}: the action and every status change it went through, oldest first.</summary>
public sealed record ActionDetails(ActionView Action, IReadOnlyList<ActionTransition> History);
