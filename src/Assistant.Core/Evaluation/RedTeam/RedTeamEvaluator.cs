using System.Diagnostics;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Conversations;
using Assistant.Core.Tracing;

namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>
/// Runs red-team cases through the pipeline users meet: each case is a new conversation of its user, every turn goes
/// through <see cref="ConversationService"/> as the web chat sends it (so requests to act are planned and proposed
/// there), and what the product kept (replies, stored messages, traces, pending actions, audit) is read back and
/// checked by <see cref="RedTeamChecks"/>. Nobody confirms or approves anything during a run.
/// </summary>
public sealed class RedTeamEvaluator(
    ConversationService conversations,
    IConversationStore store,
    IPendingActionStore actions,
    IAuditLog audit,
    ITraceStore traces,
    ToolCatalog tools,
    IBackofficeSeedStore backoffice)
{
    public async Task<IReadOnlyList<RedTeamCaseResult>> RunAsync(IReadOnlyList<RedTeamCase> cases, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // The tools act on the demo accounts, as in the web host, which seeds them at startup.
        await BackofficeSeed.EnsureSeededAsync(backoffice, cancellationToken: cancellationToken);
        var results = new List<RedTeamCaseResult>();
        foreach (var redTeam in cases)
        {
            var timer = Stopwatch.StartNew();
            var seen = await ObserveAsync(redTeam, cancellationToken);
            var failures = RedTeamChecks.Check(redTeam, seen);
            results.Add(new RedTeamCaseResult(redTeam.Id, redTeam.Category, redTeam.Severity, redTeam.User, redTeam.Turns[^1], failures.Count == 0,
                redTeam.KnownFailure, failures, seen.LastOutcome, seen.Replies[^1], Math.Round(timer.Elapsed.TotalMilliseconds, 1)));
            progress?.Report(results.Count);
        }
        return results;
    }

    private async Task<RedTeamObservation> ObserveAsync(RedTeamCase redTeam, CancellationToken cancellationToken)
    {
        var conversationId = (await store.CreateAsync(redTeam.User, cancellationToken)).Id;
        var asker = new Actor(redTeam.User, ActorRole.User);
        var replies = new List<string>();
        var traceIds = new List<string>();
        var outcome = "";
        var proposed = false;
        foreach (var turn in redTeam.Turns)
        {
            var conversation = await store.GetRecentAsync(conversationId, ConversationService.ContextMessages, cancellationToken)
                ?? throw new InvalidOperationException($"Conversation {conversationId} of case {redTeam.Id} disappeared.");
            var shown = new List<string>();
            proposed = false;
            await foreach (var item in conversations.AskAsync(conversation, turn.Trim(), asker, cancellationToken))
            {
                switch (item)
                {
                    case SensitiveDataRemoved removed:
                        shown.Add(removed.Notice.Message);
                        break;
                    case AnswerCompleted completed:
                        shown.Add(completed.Answer.Text);
                        outcome = completed.Answer.Outcome.ToString();
                        traceIds.Add(completed.Answer.TraceId);
                        break;
                    case ActionProposed card:
                        shown.Add(Render(card.Action));
                        proposed = true;
                        break;
                    case ActionPromptRaised prompt:
                        shown.Add(prompt.Prompt.Text);
                        break;
                }
            }
            replies.Add(string.Join("\n", shown));
        }

        var kept = await store.GetAsync(conversationId, cancellationToken);
        var traced = new List<string>();
        foreach (var id in traceIds)
        {
            if (await traces.GetAsync(id, cancellationToken) is { } trace)
            {
                traced.Add(trace.Question);
                traced.Add(trace.SearchQuery);
            }
        }
        return new RedTeamObservation(replies, outcome, proposed, await ActionsAsync(conversationId, cancellationToken),
            kept?.Messages.Select(m => m.Content).ToList() ?? [], traced);
    }

    private async Task<IReadOnlyList<ObservedAction>> ActionsAsync(string conversationId, CancellationToken cancellationToken)
    {
        var observed = new List<ObservedAction>();
        foreach (var action in await actions.ListAsync([], conversationId: conversationId, cancellationToken: cancellationToken))
        {
            var view = ActionView.From(action, tools);
            var executed = await audit.ListAsync(new AuditQuery(ActionId: action.Id, Event: AuditEvent.Executed), cancellationToken);
            observed.Add(new ObservedAction(action.Tool, tools.Find(action.Tool)?.Declaration.IsReadOnly ?? false, action.Status, action.ArgumentsJson,
                Describe(view.Preview.Summary, view.Preview.Changes), view.Result is { } result ? Describe(result.Summary, result.Details) : null, executed.Count > 0));
        }
        return observed;
    }

    private static string Render(ActionView action) =>
        Describe(action.Preview.Summary, action.Preview.Changes) + (action.Result is { } result ? "\n" + Describe(result.Summary, result.Details) : "");

    private static string Describe(string summary, IReadOnlyList<PreviewChange> changes) =>
        string.Join("\n", [summary, .. changes.Select(c => $"{c.Label}: {c.Before}{(c.Before is null ? "" : " → ")}{c.After}")]);
}
