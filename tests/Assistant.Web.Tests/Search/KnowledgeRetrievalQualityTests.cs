using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Search;

public sealed class KnowledgeRetrievalQualityTests
{
    private const double MinimumHitAt3 = 0.9;

    private static readonly string QuestionsPath =
        Path.Combine(AssistantWebFactory.RepositoryRoot, "evals", "retrieval", "knowledge-questions.jsonl");

    [Fact]
    public void Question_set_has_at_least_20_questions_each_naming_an_existing_article()
    {
        var questions = ReadQuestions();

        Assert.True(questions.Count >= 20, $"{QuestionsPath} has only {questions.Count} questions.");
        Assert.All(questions, question =>
        {
            Assert.False(string.IsNullOrWhiteSpace(question.Question));
            Assert.True(File.Exists(Path.Combine(AssistantWebFactory.RepositoryRoot, "knowledge", question.Expected + ".md")),
                $"'{question.Question}' expects '{question.Expected}', which is not an article in knowledge/.");
        });
    }

    [Fact]
    public async Task Expected_article_is_among_the_first_three_documents_for_at_least_90_percent_of_questions()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var questions = ReadQuestions();

        var misses = new List<string>();
        foreach (var question in questions)
        {
            var result = await client.SearchAsync(Api.Search(question.Question, k: 10));
            var top3 = result.Hits.Select(hit => hit.DocumentId).Distinct(StringComparer.Ordinal).Take(3).ToList();
            if (!top3.Contains(question.Expected, StringComparer.Ordinal))
            {
                misses.Add($"  '{question.Question}' expected {question.Expected}, got [{string.Join(", ", top3)}]");
            }
        }

        var hitAt3 = (double)(questions.Count - misses.Count) / questions.Count;
        TestContext.Current.SendDiagnosticMessage($"hit@3 = {hitAt3:F3} over {questions.Count} questions");
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"hit@3 = {hitAt3:F3} ({questions.Count - misses.Count}/{questions.Count}), below {MinimumHitAt3}. Missed:")
            .AppendJoin(Environment.NewLine, misses)
            .ToString();
        Assert.True(hitAt3 >= MinimumHitAt3, report);
    }

    private static List<EvalQuestion> ReadQuestions() =>
        File.ReadLines(QuestionsPath)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<EvalQuestion>(line, JsonSerializerOptions.Web)!)
            .ToList();

    private sealed record EvalQuestion(string Question, string Expected);
}
