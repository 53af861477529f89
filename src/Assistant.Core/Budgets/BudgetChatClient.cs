using System.Runtime.CompilerServices;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Budgets;

/// <summary>
/// Reserves before every model call and settles after it: the prompt's exact token count plus the output tokens the
/// call may use (held to that maximum), priced for the model. When the configured model does not fit, a cheaper
/// fallback model answers, and when none fits the offline client does (or, without one,
/// <see cref="BudgetExceededException"/> lets the caller answer offline its own way). The call is settled with the
/// provider's reported usage, or exact counts when it reports none, and released when it fails. Each response ends
/// with the <see cref="BudgetDecision"/> and, when there is one, a notice saying which budget decided or how much is
/// left (<see cref="ModelNotices.Key"/>).
/// </summary>
public sealed class BudgetChatClient(
    IChatClient inner, BudgetGate gate, ITokenCounter tokens, string feature, string primaryModel, IReadOnlyList<BudgetedModel> fallbacks, IChatClient? offline)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (ticket, call, client, bounded) = await ReserveAsync(list, options, cancellationToken);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(list, bounded, cancellationToken);
        }
        catch
        {
            await gate.ReleaseAsync(ticket);
            throw;
        }
        var answeredBelow = response.AdditionalProperties?.TryGetValue(ModelNotices.Key, out var below) == true ? below as string : null;
        await SettleAsync(ticket, call, response.Usage, response.Text, answeredBelow is not null);
        response.AdditionalProperties ??= [];
        Annotate(response.AdditionalProperties, ticket, answeredBelow);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (ticket, call, client, bounded) = await ReserveAsync(list, options, cancellationToken);
        UsageDetails? usage = null;
        string? answeredBelow = null;
        var text = new System.Text.StringBuilder();
        var settled = false;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(list, bounded, cancellationToken))
            {
                if (update.AdditionalProperties?.ContainsKey(FallbackChatClient.ResetKey) == true)
                {
                    text.Clear();
                    usage = null;
                }
                if (update.AdditionalProperties?.TryGetValue(ModelNotices.Key, out var notice) == true && notice is string below)
                {
                    answeredBelow = below;
                }
                foreach (var reported in update.Contents.OfType<UsageContent>())
                {
                    usage = reported.Details;
                }
                text.Append(update.Text);
                yield return update;
            }
            await SettleAsync(ticket, call, usage, text.ToString(), answeredBelow is not null);
            settled = true;
        }
        finally
        {
            // A failed or abandoned stream (the consumer stopped reading) gives its reservation back.
            if (!settled)
            {
                await gate.ReleaseAsync(ticket);
            }
        }
        var last = new ChatResponseUpdate { AdditionalProperties = [] };
        Annotate(last.AdditionalProperties, ticket, answeredBelow);
        yield return last;
    }

    private async Task<(BudgetTicket Ticket, BudgetCall Call, IChatClient Client, ChatOptions Options)> ReserveAsync(
        IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var bounded = options?.Clone() ?? new ChatOptions();
        bounded.MaxOutputTokens ??= gate.DefaultMaxOutputTokens;
        var user = options?.AdditionalProperties?.TryGetValue(BudgetNotices.UserKey, out var value) == true ? value as string : null;
        var call = new BudgetCall(feature, user, [primaryModel, .. fallbacks.Select(f => f.Model)],
            PromptTokens.Count(tokens, messages, options), bounded.MaxOutputTokens.Value);
        var ticket = await gate.ReserveAsync(call, cancellationToken);
        if (ticket.Model is null)
        {
            return offline is null
                ? throw new BudgetExceededException(ticket.Decision, ticket.Notice ?? "No model fits the budget.")
                : (ticket, call, offline, options ?? new ChatOptions());
        }
        var client = ticket.Model == primaryModel ? InnerClient : fallbacks.First(f => f.Model == ticket.Model).Client;
        return (ticket, call, client, bounded);
    }

    private Task SettleAsync(BudgetTicket ticket, BudgetCall call, UsageDetails? usage, string output, bool answeredBelow)
    {
        // The layer below answered without the model (it failed for good): nothing was billed. Otherwise the
        // provider's count, or ours when it sent none. Settled even if the caller gives up now: the call was made.
        var cost = answeredBelow && usage is null ? 0m
            : usage?.InputTokenCount is { } input && usage.OutputTokenCount is { } generated ? gate.Cost(ticket.Model, input, generated)
            : gate.Cost(ticket.Model, call.PromptTokens, tokens.CountTokens(output));
        return gate.SettleAsync(ticket, cost, CancellationToken.None);
    }

    private static void Annotate(AdditionalPropertiesDictionary properties, BudgetTicket ticket, string? answeredBelow)
    {
        var decision = answeredBelow is not null && ticket.Model is not null
            ? new BudgetDecision(BudgetModes.Offline, null, ticket.Decision.Scope)
            : ticket.Decision;
        properties[BudgetNotices.DecisionKey] = decision;
        var notice = string.Join(" ", new[] { answeredBelow, ticket.Notice }.Where(text => text is not null));
        if (notice.Length > 0)
        {
            properties[ModelNotices.Key] = notice;
        }
    }
}
