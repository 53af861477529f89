using Assistant.Core.Tokenization;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Budgets;

/// <summary>
/// Budgets for a hosted embedding model (the OpenAI provider; the local and hashing generators cost nothing and are
/// never wrapped): each call reserves its inputs' exact token count at the model's input price under
/// "embeddings-monthly", the user-less global day, and the per-request limits, and settles with the reported usage.
/// When the budget is spent it throws <see cref="BudgetExceededException"/>: query embedding then searches by keyword
/// only, and the background backfill stops and tries again later (chunks stay findable by keyword).
/// </summary>
public sealed class BudgetEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, BudgetGate gate, ITokenCounter tokens, string model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = values as IReadOnlyList<string> ?? values.ToList();
        var counted = list.Sum(value => tokens.CountTokens(value));
        var ticket = await gate.ReserveAsync(new BudgetCall(BudgetFeatures.Embeddings, null, [model], counted, 0), cancellationToken);
        if (ticket.Model is null)
        {
            throw new BudgetExceededException(ticket.Decision, ticket.Notice ?? "The embedding budget is spent.");
        }
        GeneratedEmbeddings<Embedding<float>> result;
        try
        {
            result = await base.GenerateAsync(list, options, cancellationToken);
        }
        catch
        {
            await gate.ReleaseAsync(ticket);
            throw;
        }
        await gate.SettleAsync(ticket, gate.Cost(model, result.Usage?.InputTokenCount ?? counted, 0), CancellationToken.None);
        return result;
    }
}
