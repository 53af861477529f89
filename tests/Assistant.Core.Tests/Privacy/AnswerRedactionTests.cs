using Assistant.Core.Answers;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Xunit;

namespace Assistant.Core.Tests.Privacy;

/// <summary>The answer pipeline redacts its own request, so a caller that does not (the CLI) still echoes and traces nothing.</summary>
public sealed class AnswerRedactionTests
{
    [Fact]
    public async Task A_declined_answer_and_its_trace_never_repeat_a_card_number_or_ssn_from_the_question()
    {
        using var knowledge = new TestKnowledgeBase();
        knowledge.Write("billing/payment-methods.md", TestKnowledgeBase.Article("Payment methods", "Update your card under Billing, Payment method."));
        await knowledge.IngestAsync();
        var answers = knowledge.Get<AnswerService>();

        var answer = await answers.AnswerAsync(new AnswerRequest(
            "my card is 4111 1111 1111 1111 and my SSN is 123-45-6789", PreviousQuestions: ["password: hunter22"]), TestContext.Current.CancellationToken);
        var trace = await knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, TestContext.Current.CancellationToken);

        var everything = string.Join("\n", answer.Text, answer.ConfidenceReason, trace!.Question, trace.SearchQuery);
        Assert.DoesNotContain("4111", everything);
        Assert.DoesNotContain("6789", everything);
        Assert.DoesNotContain("hunter22", everything);
        Assert.Equal("my card is [card •••• 1111] and my SSN is [SSN removed]", trace.Question);
    }

    [Fact]
    public async Task Markers_of_removed_data_are_neither_searched_nor_counted_as_words_of_the_question()
    {
        using var knowledge = new TestKnowledgeBase();
        knowledge.Write("accounts/sso.md", TestKnowledgeBase.Article("Single sign-on", "Single sign-on with SAML is included in the Business plan."));
        knowledge.Write("billing/payment-methods.md", TestKnowledgeBase.Article("Payment methods", "Update your card under Billing, Payment method."));
        await knowledge.IngestAsync();
        var answers = knowledge.Get<AnswerService>();

        var answer = await answers.AnswerAsync(new AnswerRequest("Which plan includes single sign-on? 4111 1111 1111 1111"), TestContext.Current.CancellationToken);
        var trace = await knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, TestContext.Current.CancellationToken);

        Assert.Equal("Which plan includes single sign-on? [card •••• 1111]", trace!.Question);
        Assert.DoesNotContain("card", trace.SearchQuery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1111", answer.ConfidenceReason);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.All(answer.Sentences.SelectMany(sentence => sentence.Citations), citation => Assert.Equal("Single sign-on", citation.Title));
    }
}
