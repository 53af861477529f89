using System.Net;
using System.Net.Http.Json;
using Assistant.Core.Storage;
using Assistant.Web.Tests.Answers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Storage;

public sealed class DatabaseContentionTests
{
    private const string Question = "How long do I have to request a full refund?";

    [Fact]
    public async Task Chat_is_answered_while_an_ingest_holds_the_knowledge_write_lock()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        client.Timeout = TimeSpan.FromSeconds(20);
        var conversationId = await client.CreateConversationAsync();
        var store = factory.Services.GetRequiredService<IKnowledgeStore>();

        // An ingest's open transaction with writes in it: exactly what `assistant ingest` holds for its whole run.
        await using (var ingest = await store.BeginWriteAsync((await store.GetEmbeddingModelAsync(AnswerApi.Cancel))!, AnswerApi.Cancel))
        {
            await ingest.DeleteAsync("getting-started/inviting-teammates", AnswerApi.Cancel);
            var started = DateTime.UtcNow;

            var reply = await client.AskAsync(conversationId, Question);
            using var history = await client.GetAsync($"/api/conversations/{conversationId}", AnswerApi.Cancel);

            Assert.Equal("Answered", reply.Answer.Outcome);
            Assert.Equal(HttpStatusCode.OK, history.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), $"The chat waited {DateTime.UtcNow - started} behind the ingest.");
        }
    }

    [Fact]
    public async Task A_busy_app_database_answers_503_problem_with_retry_after_instead_of_500()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        await using var host = factory.WithWebHostBuilder(builder => builder.UseSetting("Assistant:Storage:BusyTimeoutSeconds", "1"));
        using var client = await StorageTestHost.SignInAsync(host, "alice");
        client.Timeout = TimeSpan.FromSeconds(20);
        var conversationId = await client.CreateConversationAsync();

        // Another process holding the app database's write lock for longer than the busy timeout.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "assistant.db")}");
        await holder.OpenAsync(AnswerApi.Cancel);
        await using var hold = holder.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE; UPDATE conversations SET title = title WHERE id = 'none';";
        await hold.ExecuteNonQueryAsync(AnswerApi.Cancel);

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = Question }, AnswerApi.Cancel);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Database busy", problem.Title);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 should say when to retry.");
    }
}
