using Assistant.Web.Tests.Search;
using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class ConversationApiTests
{
    private const string RefundQuestion = "How long do I have to request a full refund?";

    [Fact]
    public async Task Answerable_question_is_answered_with_every_sentence_cited_by_quotes_taken_verbatim_from_the_articles()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var reply = await client.AskAsync(conversationId, RefundQuestion);

        Assert.Equal(conversationId, reply.ConversationId);
        var answer = reply.Answer;
        Assert.Equal("Answered", answer.Outcome);
        Assert.Equal("extractive", answer.Generator);
        Assert.Contains("14 days", answer.Text);
        Assert.Empty(answer.Suggestions);
        Assert.InRange(answer.Confidence, 0.0001, 1);
        Assert.NotEmpty(answer.Sentences);
        // The numbered passages are what the retriever returns for the question (five by default).
        var passages = (await client.SearchAsync(Api.Search(RefundQuestion, k: 5))).Hits;
        foreach (var sentence in answer.Sentences)
        {
            Assert.True(sentence.Supported, $"Unsupported sentence: {sentence.Text}");
            Assert.Empty(sentence.Problems);
            Assert.Contains(sentence.Text, answer.Text);
            Assert.NotEmpty(sentence.Citations);
            foreach (var citation in sentence.Citations)
            {
                await AssertQuoteIsVerbatimAsync(factory, passages, citation);
            }
        }
    }

    [Fact]
    public async Task Unanswerable_question_abstains_with_suggestions_and_a_reason_naming_the_missing_term()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var answer = (await client.AskAsync(conversationId, "Do you have a native HubSpot integration?")).Answer;

        Assert.Equal("Abstained", answer.Outcome);
        Assert.Empty(answer.Sentences);
        Assert.NotEmpty(answer.Suggestions);
        Assert.All(answer.Suggestions, suggestion =>
        {
            Assert.True(File.Exists(Path.Combine(factory.KnowledgeDirectory, suggestion.DocumentId + ".md")), suggestion.DocumentId);
            Assert.False(string.IsNullOrWhiteSpace(suggestion.Title));
        });
        Assert.Equal(answer.Suggestions.Count, answer.Suggestions.Select(s => s.DocumentId).Distinct().Count());
        Assert.Contains("HubSpot", answer.ConfidenceReason);
        Assert.DoesNotContain("HubSpot", answer.Text);
        var trace = await client.GetTraceAsync(answer.TraceId);
        Assert.Equal("Abstained", trace.Outcome);
    }

    [Fact]
    public async Task Follow_up_question_is_answered_in_the_context_of_the_first_and_the_conversation_keeps_both_exchanges_in_order()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var first = await client.AskAsync(conversationId, "How much is the Team plan per seat?");
        var second = await client.AskAsync(conversationId, "And the annual price?");

        Assert.Equal("Answered", second.Answer.Outcome);
        Assert.Contains("$180", second.Answer.Text);
        Assert.Contains("Team plan", (await client.GetTraceAsync(second.Answer.TraceId)).SearchQuery);

        var conversation = await client.GetConversationAsync(conversationId);
        Assert.Equal(conversationId, conversation.Id);
        Assert.Equal("How much is the Team plan per seat?", conversation.Title);
        Assert.Equal(["user", "assistant", "user", "assistant"], conversation.Messages.Select(m => m.Role));
        Assert.Equal("How much is the Team plan per seat?", conversation.Messages[0].Content);
        Assert.Equal("And the annual price?", conversation.Messages[2].Content);
        Assert.Null(conversation.Messages[0].Answer);
        Assert.Null(conversation.Messages[2].Answer);
        AssertStoredAnswer(first, conversation.Messages[1]);
        AssertStoredAnswer(second, conversation.Messages[3]);
        Assert.Equal(4, conversation.Messages.Select(m => m.Id).Distinct().Count());
        Assert.Equal(conversation.Messages.OrderBy(m => m.CreatedAt).Select(m => m.Id), conversation.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task Trace_of_an_answer_records_the_question_passages_tokens_and_outcome()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();
        var answer = (await client.AskAsync(conversationId, RefundQuestion)).Answer;

        var trace = await client.GetTraceAsync(answer.TraceId);

        Assert.Equal(answer.TraceId, trace.Id);
        Assert.Equal(conversationId, trace.ConversationId);
        Assert.Equal(RefundQuestion, trace.Question);
        Assert.Equal(RefundQuestion, trace.SearchQuery);
        Assert.Equal("answer-v2", trace.PromptVersion);
        Assert.Equal(answer.Outcome, trace.Outcome);
        Assert.Equal(answer.Generator, trace.Generator);
        Assert.Equal(answer.Model, trace.Model);
        Assert.Equal(answer.Confidence, trace.Confidence);
        Assert.NotEmpty(trace.Passages);
        Assert.Equal(Enumerable.Range(1, trace.Passages.Count), trace.Passages.Select(p => p.Number));
        Assert.All(answer.Sentences.SelectMany(s => s.Citations), citation =>
            Assert.Equal(citation.ChunkId, trace.Passages[citation.Passage - 1].ChunkId));
        Assert.True(trace.TokensIn > 0, $"tokensIn = {trace.TokensIn}");
        Assert.True(trace.TokensOut > 0, $"tokensOut = {trace.TokensOut}");
        Assert.StartsWith("bpe:", trace.TokenSource);
        Assert.Equal(0m, trace.Cost);
        Assert.Equal(answer.Sentences.Count, trace.Verification.Sentences - trace.Verification.Removed);
        Assert.Equal(0, trace.Verification.InvalidMarkers);
        Assert.True(trace.Latency.TotalMs > 0);
        Assert.True(trace.Latency.ResolveMs + trace.Latency.RetrieveMs + trace.Latency.GenerateMs + trace.Latency.VerifyMs <= trace.Latency.TotalMs + 0.01,
            $"The stages ({trace.Latency}) add up to more than the total.");
    }

    [Fact]
    public async Task Unknown_trace_is_404_problem()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await client.GetAsync("/api/traces/trace_missing", AnswerApi.Cancel);

        await AnswerApi.ReadProblemAsync(response, System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Questions_asked_at_the_same_time_in_one_conversation_are_stored_as_intact_question_answer_pairs()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();
        string[] questions =
        [
            RefundQuestion, "How much is the Team plan per seat?", "How do I reset my password?", "What are the API rate limits?",
            "How do I turn on two-factor authentication?", "Which payment methods do you accept?",
        ];

        var replies = await Task.WhenAll(questions.Select(question => client.AskAsync(conversationId, question)));

        var messages = (await client.GetConversationAsync(conversationId)).Messages;
        Assert.Equal(questions.Length * 2, messages.Count);
        var pairs = messages.Chunk(2).ToDictionary(pair => pair[1].Id, pair => pair);
        for (var i = 0; i < questions.Length; i++)
        {
            var pair = pairs[replies[i].MessageId];
            Assert.Equal(("user", questions[i]), (pair[0].Role, pair[0].Content));
            Assert.Equal(("assistant", replies[i].Answer.Text), (pair[1].Role, pair[1].Content));
        }
    }

    private static async Task AssertQuoteIsVerbatimAsync(AssistantWebFactory factory, List<Hit> passages, CitationView citation)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(factory.KnowledgeDirectory, citation.DocumentId + ".md"), AnswerApi.Cancel);
        Assert.InRange(citation.SourceStart, 0, citation.SourceEnd - 1);
        Assert.InRange(citation.SourceEnd, citation.SourceStart + 1, source.Length);
        Assert.Equal(source[citation.SourceStart..citation.SourceEnd], citation.Quote);

        Assert.InRange(citation.Passage, 1, passages.Count);
        var passage = passages[citation.Passage - 1];
        Assert.Equal(passage.ChunkId, citation.ChunkId);
        Assert.Equal(passage.DocumentId, citation.DocumentId);
        Assert.Equal(passage.Title, citation.Title);
        Assert.InRange(citation.QuoteStart, 0, citation.QuoteEnd - 1);
        Assert.InRange(citation.QuoteEnd, citation.QuoteStart + 1, passage.Text.Length);
        Assert.Equal(passage.Text[citation.QuoteStart..citation.QuoteEnd], citation.Quote);
        Assert.Equal(passage.Start + citation.QuoteStart, citation.SourceStart);
    }

    private static void AssertStoredAnswer(MessageReply reply, MessageView message)
    {
        Assert.Equal(reply.MessageId, message.Id);
        Assert.Equal(reply.Answer.Text, message.Content);
        Assert.NotNull(message.Answer);
        Assert.Equal(reply.Answer.TraceId, message.Answer.TraceId);
        Assert.Equal(reply.Answer.Text, message.Answer.Text);
        Assert.Equal(reply.Answer.Outcome, message.Answer.Outcome);
        Assert.Equal(reply.Answer.Sentences.Count, message.Answer.Sentences.Count);
    }
}
