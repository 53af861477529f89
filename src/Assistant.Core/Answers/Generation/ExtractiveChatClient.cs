using System.Runtime.CompilerServices;
using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers.Generation;

/// <summary>
/// The offline generator behind <see cref="IChatClient"/>, so it sits in the same pipeline (and is the fallback)
/// wherever a model would. It needs the question and passages from <see cref="AnswerRequestProperties"/>.
/// </summary>
public sealed class ExtractiveChatClient(KnowledgeIndex index, EnglishAnalyzer analyzer) : IChatClient
{
    public const string ModelId = "extractive-v1";

    private readonly ChatClientMetadata _metadata = new("extractive", providerUri: null, defaultModelId: ModelId);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var properties = options?.AdditionalProperties;
        if (properties?.TryGetValue(AnswerRequestProperties.Question, out var question) != true ||
            properties.TryGetValue(AnswerRequestProperties.Passages, out var passages) != true)
        {
            throw new InvalidOperationException("The extractive generator needs the question and passages in ChatOptions.AdditionalProperties (see AnswerRequestProperties).");
        }
        var maxWords = properties.TryGetValue(AnswerRequestProperties.MaxWords, out var words) && words is int limit ? limit : 120;
        var keyword = index.Current.Keyword;
        var text = new ExtractiveComposer(analyzer, keyword.InverseDocumentFrequency)
            .Compose((string)question!, (IReadOnlyList<Passage>)passages!, maxWords);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        // Word by word, so clients exercise the same streaming path as with a model.
        foreach (var word in response.Text.Split(' '))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { ModelId = ModelId };
        }
        yield return new ChatResponseUpdate { ModelId = ModelId, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
