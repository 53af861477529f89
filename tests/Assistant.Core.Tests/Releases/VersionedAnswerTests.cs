using Assistant.Core.Answers;
using Assistant.Core.Releases;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>Each answer is made with the version the selector chooses, and its trace records that version and arm.</summary>
public sealed class VersionedAnswerTests : IDisposable
{
    private const string Question = "How long do I have to ask for a full refund?";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TestKnowledgeBase _knowledge = new(services => services.AddSingleton<SettableVersionSelector>()
        .AddSingleton<IVersionSelector>(provider => provider.GetRequiredService<SettableVersionSelector>()));

    private SettableVersionSelector Selector => _knowledge.Get<SettableVersionSelector>();

    private async Task<(Answer Answer, AnswerTrace Trace)> AskAsync()
    {
        var answer = await _knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question, UserId: "alice"), Cancel);
        return (answer, (await _knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, Cancel))!);
    }

    private async Task WriteKnowledgeAsync()
    {
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days.\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days."));
        _knowledge.Write("policies/refund-exceptions.md", TestKnowledgeBase.Article("Refund exceptions",
            "## Add-ons\n\nAdd-on fees are refunded only within 14 days of purchase.\n\n## Annual plans\n\nAnnual plans are refunded pro rata for the unused full months."));
        _knowledge.Write("billing/invoices.md", TestKnowledgeBase.Article("Invoices",
            "## Download\n\nYou can download every invoice from Billing › Invoices.\n\n## Refunds on invoices\n\nA refund appears as a credit note on your next invoice."));
        await _knowledge.IngestAsync();
    }

    [Fact]
    public async Task Without_a_rollout_the_configured_version_answers_and_is_recorded_as_stable()
    {
        await WriteKnowledgeAsync();

        var (answer, trace) = await AskAsync();

        var configured = await _knowledge.Get<IAssistantVersionStore>().ConfiguredAsync(Cancel);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal((configured.Id, ReleaseArm.Stable, "answer-v2"), (trace.ConfigVersion, trace.ReleaseArm, trace.PromptVersion));
        Assert.True(trace.Passages.Count > 2, $"{trace.Passages.Count} passages");
    }

    [Fact]
    public async Task A_version_with_fewer_passages_and_another_prompt_answers_with_them_and_is_recorded()
    {
        await WriteKnowledgeAsync();
        var store = _knowledge.Get<IAssistantVersionStore>();
        var configured = await store.ConfiguredAsync(Cancel);
        var draft = await store.CreateDraftAsync("v2-two-passages", "Two passages, the v1 prompt.",
            configured.Settings with { AnswerPrompt = "answer-v1", Answers = configured.Settings.Answers with { Passages = 2 } }, configured.Id, "ada", Cancel);
        Selector.Version = await store.PublishAsync(draft.Id, "ada", Cancel);

        var (answer, trace) = await AskAsync();

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal(("v2-two-passages", ReleaseArm.Candidate, "answer-v1"), (trace.ConfigVersion, trace.ReleaseArm, trace.PromptVersion));
        Assert.Equal(2, trace.Passages.Count);
    }

    public void Dispose() => _knowledge.Dispose();
}
