using System.Collections.Concurrent;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// What the users were told was done: the writes the database must hold afterwards. A message or approval whose
/// request failed is noted too, since the replica may have stored it before it died (that is no loss).
/// </summary>
internal sealed class WriteLedger
{
    public ConcurrentQueue<string> Conversations { get; } = new();

    public ConcurrentQueue<SentMessage> Messages { get; } = new();

    public ConcurrentQueue<ProposedAction> Proposed { get; } = new();

    /// <summary>Confirmations that got 200, with the status the action then had.</summary>
    public ConcurrentQueue<ActionDecision> Confirmed { get; } = new();

    /// <summary>Approvals that got 200, with the status the action then had (executed, or failed with a reason).</summary>
    public ConcurrentQueue<ActionDecision> Approved { get; } = new();
}

/// <param name="MessageId">The answer's id when the client got 200; null when the request failed.</param>
internal sealed record SentMessage(string ConversationId, string Question, string? MessageId);

internal sealed record ProposedAction(string Id, string Tool, string RequestedBy);

internal sealed record ActionDecision(string ActionId, string Actor, string Status);
