using System.Collections.Concurrent;
using Assistant.Core.Answers;
using Assistant.Core.Answers.Semantic;
using Assistant.Core.Embeddings;
using Assistant.Core.Tests.Support;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Answers.Semantic;

/// <summary>
/// After the warm-up, an answer's semantic checks embed only the question and its words: the passage sentences were
/// embedded ahead of time. Hashing vectors stand in for the local model (given thresholds of its own here, so the
/// checks run), which keeps the test fast; what is counted is which texts reach the generator.
/// </summary>
public sealed class SentenceWarmupTests
{
    private const string Article = """
        # Support hours

        Our support team answers tickets on weekdays from 8:00 to 18:00 CET. Urgent outages are handled around the clock.
        Tickets sent at the weekend are answered on Monday morning.
        """;

    private const string Question = "When does the help desk reply to requests sent on Saturday?";

    [Fact]
    public async Task After_the_warm_up_an_answer_embeds_no_passage_sentence()
    {
        var (knowledge, recorder) = await CreateAsync();
        using (knowledge)
        {
            await knowledge.Get<SentenceWarmup>().RunAsync(TestContext.Current.CancellationToken);
            recorder.Texts.Clear();

            await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

            Assert.DoesNotContain(recorder.Texts, text => Article.Contains(text, StringComparison.Ordinal) && text.Length > 20);
        }
    }

    [Fact]
    public async Task Without_the_warm_up_the_same_answer_embeds_passage_sentences()
    {
        var (knowledge, recorder) = await CreateAsync();
        using (knowledge)
        {
            recorder.Texts.Clear();

            await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

            Assert.Contains(recorder.Texts, text => Article.Contains(text, StringComparison.Ordinal) && text.Length > 20);
        }
    }

    [Fact]
    public async Task Callers_for_the_same_index_share_one_warm_up()
    {
        var (knowledge, recorder) = await CreateAsync();
        using (knowledge)
        {
            recorder.Texts.Clear();
            var warmup = knowledge.Get<SentenceWarmup>();

            await Task.WhenAll(warmup.RunAsync(TestContext.Current.CancellationToken), warmup.RunAsync(TestContext.Current.CancellationToken));
            await warmup.RunAsync(TestContext.Current.CancellationToken);

            var sentence = "Tickets sent at the weekend are answered on Monday morning.";
            Assert.Single(recorder.Texts, text => text == sentence);
        }
    }

    [Fact]
    public async Task An_answer_embeds_its_question_once_for_retrieval_and_the_semantic_check()
    {
        var (knowledge, recorder) = await CreateAsync();
        using (knowledge)
        {
            await knowledge.Get<SentenceWarmup>().RunAsync(TestContext.Current.CancellationToken);
            recorder.Texts.Clear();

            await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

            Assert.Single(recorder.Texts, text => text == Question);
        }
    }

    private static async Task<(TestKnowledgeBase Knowledge, RecordingGenerator Recorder)> CreateAsync()
    {
        var recorder = new RecordingGenerator(new HashingEmbeddingGenerator(512, new EnglishAnalyzer()));
        var knowledge = new TestKnowledgeBase(
            services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(recorder),
            new()
            {
                // Thresholds for the hashing model, set so the semantic check always runs.
                ["Assistant:Answers:Semantic:Models:hashing-v2-512:MinimumCombined"] = "2",
            });
        knowledge.Write("support/hours.md", Article);
        await knowledge.IngestAsync();
        return (knowledge, recorder);
    }

    private sealed class RecordingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public ConcurrentBag<string> Texts { get; } = [];

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            foreach (var text in texts)
            {
                Texts.Add(text);
            }
            return base.GenerateAsync(texts, options, cancellationToken);
        }
    }
}
