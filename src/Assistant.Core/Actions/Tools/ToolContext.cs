using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.Tools;

/// <summary>
/// Whom a tool acts for: the requester and their customer record, resolved on the server for every preview and
/// execution. Tools take it as a parameter that is excluded from the schema, so neither the model nor a client can
/// supply it. <paramref name="ApprovalNote"/> is the approver's note at execution (how identity was verified).
/// </summary>
public sealed record ToolContext(Actor Requester, Customer Customer, DateTimeOffset Now, string? ApprovalNote = null);
