using System.Text.RegularExpressions;
using Assistant.Core;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Access;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Conversations;
using Assistant.Core.Embeddings;
using Assistant.Core.Knowledge;
using Assistant.Core.Models;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary>
/// <c>assistant ask --as</c> runs a turn through the same conversation service as the web chat: a request to act is
/// proposed and stored for the customer to confirm in the web app, never run; a plain question is only answered.
/// Checked against the real CLI process and then the SQLite file it wrote.
/// </summary>
public sealed partial class AskCommandTests : IDisposable
{
    private static readonly Actor Alice = new("alice", ActorRole.User);

    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-ask-").FullName;

    private string Data => Path.Combine(_root, "data");

    private static string Knowledge => Path.Combine(AssistantWebFactory.RepositoryRoot, "knowledge");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_as_a_customer_proposes_the_refund_with_its_next_steps_and_runs_nothing()
    {
        var (exitCode, output, error) = await AskAsync("Please refund $120 of invoice INV-2026-0142");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}{output}");
        var id = ActionId().Match(output).Groups[1].Value;
        Assert.Contains("(request_refund)", output, StringComparison.Ordinal);
        Assert.Contains("arguments: {\"amount\":120,\"invoice\":\"INV-2026-0142\"}", output, StringComparison.Ordinal);
        Assert.Contains($"status: {ActionStatus.AwaitingUser}", output, StringComparison.Ordinal);
        Assert.Contains("nothing has run", output, StringComparison.Ordinal);
        Assert.Contains($"curl -s -X POST http://127.0.0.1:5080/api/actions/{id}/confirm -H \"Authorization: Bearer $TOKEN\"", output, StringComparison.Ordinal);
        Assert.Contains("until a support agent approves it", output, StringComparison.Ordinal);

        using var stored = Stored();
        var action = Assert.Single(await stored.GetRequiredService<ActionReader>().ListAsync(Alice, [], cancellationToken: Cancel));
        Assert.Equal(id, action.Id);
        Assert.Equal(ActionStatus.AwaitingUser, action.Status);
        Assert.Contains($"http://127.0.0.1:5080/chat/{action.ConversationId}", output, StringComparison.Ordinal);
        var conversation = (await stored.GetRequiredService<IConversationStore>().GetAsync(action.ConversationId!, Cancel))!;
        Assert.Equal("alice", conversation.OwnerId);
        Assert.Equal(action.MessageId, conversation.Messages[0].Id);
        var events = (await stored.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(ActionId: id), Cancel)).Select(entry => entry.Event);
        Assert.Equal([AuditEvent.Proposed], events);
    }

    [Fact]
    public async Task Ask_as_a_customer_answers_a_plain_question_and_proposes_nothing()
    {
        var (exitCode, output, error) = await AskAsync("How long do I have to ask for a refund on an annual plan?");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}{output}");
        Assert.Contains("Answered", output, StringComparison.Ordinal);
        Assert.Contains("Refund policy", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Proposed action", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not requested", output, StringComparison.Ordinal);

        using var stored = Stored();
        Assert.Empty(await stored.GetRequiredService<ActionReader>().ListAsync(Alice, [], cancellationToken: Cancel));
        var conversation = Assert.Single(await stored.GetRequiredService<IConversationStore>().ListAsync("alice", cancellationToken: Cancel));
        Assert.Contains(conversation.Id, output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> AskAsync(string question) =>
        CliProcess.RunAsync(_root, "ask", "--data", Data, "--knowledge", Knowledge, "--as", "alice", question);

    /// <summary>The services the web host would build over the data folder the CLI wrote.</summary>
    private ServiceProvider Stored()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Data, ["Assistant:KnowledgeDirectory"] = Knowledge })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAssistantStorage()
            .AddAssistantEmbeddings()
            .AddAssistantRetrieval()
            .AddAssistantKnowledge()
            .AddAssistantModels()
            .AddAssistantTracing()
            .AddAssistantAnswers()
            .AddAssistantBackoffice()
            .AddAssistantAudit()
            .AddAssistantActions()
            .AddAssistantConversations()
            .BuildServiceProvider();
    }

    [GeneratedRegex(@"Proposed action (act_[0-9a-f]+):")]
    private static partial Regex ActionId();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AssistantWebFactory.DeleteTempDirectory(_root);
    }
}
