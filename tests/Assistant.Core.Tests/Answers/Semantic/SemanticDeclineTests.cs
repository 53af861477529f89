using Assistant.Core.Answers;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Answers.Semantic;

/// <summary>
/// The decline decision with the local sentence model, over four real help-center articles (embedded once for the
/// class), beside the same questions with the hashing generator, where coverage of words decides alone.
/// </summary>
public sealed class SemanticDeclineTests(SemanticDeclineTests.Corpora corpora) : IClassFixture<SemanticDeclineTests.Corpora>
{
    // Words the articles hold ("web", "app", "mode" appears nowhere), but no sentence says anything like it.
    private const string NearMiss = "Is there a dark mode in the web app?";

    // The article says "Support is provided in English, German, French and Spanish": few of the question's words.
    private const string Paraphrase = "In which languages does your support team answer tickets?";

    [Fact]
    public async Task A_near_miss_question_about_an_unmentioned_feature_is_declined_with_the_local_model()
    {
        var answer = await AskAsync(corpora.Local, NearMiss);

        Assert.Equal(AnswerOutcome.Abstained, answer.Outcome);
        Assert.Contains("similar to the question", answer.ConfidenceReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Word_coverage_alone_answers_the_same_near_miss()
    {
        var answer = await AskAsync(corpora.Hashing, NearMiss);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
    }

    [Fact]
    public async Task A_paraphrased_in_scope_question_is_answered_with_the_local_model()
    {
        var answer = await AskAsync(corpora.Local, Paraphrase);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains(answer.Sentences.SelectMany(s => s.Citations), c => c.DocumentId == "policies/support-policy");
    }

    [Fact]
    public async Task Word_coverage_alone_declines_the_same_paraphrase()
    {
        var answer = await AskAsync(corpora.Hashing, Paraphrase);

        Assert.Equal(AnswerOutcome.Abstained, answer.Outcome);
    }

    [Fact]
    public async Task An_off_topic_question_is_still_declined_with_the_local_model()
    {
        var answer = await AskAsync(corpora.Local, "Can you give me a good recipe for banana bread?");

        Assert.Equal(AnswerOutcome.Abstained, answer.Outcome);
    }

    private static Task<Answer> AskAsync(TestKnowledgeBase knowledge, string question) =>
        knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(question), TestContext.Current.CancellationToken);

    /// <summary>The same four articles indexed twice: with the local model (the default to be) and with hashing.</summary>
    public sealed class Corpora : IAsyncLifetime
    {
        private static readonly string[] Articles =
        [
            "policies/support-policy.md", "policies/account-deletion.md", "troubleshooting/browser-support.md", "getting-started/mobile-apps.md",
        ];

        public TestKnowledgeBase Local { get; } = new(settings: new()
        {
            ["Assistant:Embeddings:Provider"] = "Local",
            ["Assistant:Retrieval:KeywordWeight"] = "0.4",
            ["Assistant:Retrieval:K1"] = "0.9",
        });

        public TestKnowledgeBase Hashing { get; } = new();

        public async ValueTask InitializeAsync()
        {
            var root = RepositoryRoot();
            foreach (var knowledge in new[] { Local, Hashing })
            {
                foreach (var article in Articles)
                {
                    knowledge.Write(article, await File.ReadAllTextAsync(Path.Combine(root, "knowledge", article)));
                }
                await knowledge.IngestAsync();
            }
        }

        public ValueTask DisposeAsync()
        {
            Local.Dispose();
            Hashing.Dispose();
            return ValueTask.CompletedTask;
        }

        private static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above the test output folder.");
        }
    }
}
