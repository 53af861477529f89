using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Embeddings;

public sealed class OpenAIEmbeddingGeneratorTests
{
    [Fact]
    public async Task Configured_endpoint_embeds_chunks_and_queries_through_the_OpenAI_SDK()
    {
        await using var server = await ScriptedChatServer.StartAsync();
        using var knowledge = new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Embeddings:Provider"] = "OpenAI",
            ["Assistant:Embeddings:Endpoint"] = server.BaseAddress.ToString(),
            ["Assistant:Embeddings:Model"] = "test-embedding-model",
            ["Assistant:Embeddings:ApiKey"] = "sk-test",
        });
        knowledge.Write("a.md", TestKnowledgeBase.Article("Alpha", "## Part\n\nabc abc abc"));
        knowledge.Write("b.md", TestKnowledgeBase.Article("Beta", "## Part\n\nxyz xyz xyz"));

        await knowledge.IngestAsync();
        var hits = await knowledge.SearchAsync("abc");

        Assert.Equal((2, 2), (knowledge.Get<VectorBackfill>().Status.Embedded, knowledge.Get<VectorBackfill>().Status.Total));
        Assert.NotNull(hits[0].Scores.Vector);
        Assert.Equal("a", hits[0].DocumentId);
        Assert.All(server.Requests, request => Assert.Equal("test-embedding-model", request["model"]!.GetValue<string>()));
        Assert.True(server.Requests.Count >= 2, "one request for the chunks and one for the query");
        var generator = knowledge.Get<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("openai:test-embedding-model", VectorBackfill.ModelIdOf(generator));
    }

    [Fact]
    public async Task Switching_the_embedding_model_re_embeds_everything()
    {
        await using var server = await ScriptedChatServer.StartAsync();
        var root = Directory.CreateTempSubdirectory("assistant-switch-").FullName;
        try
        {
            var shared = new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Path.Combine(root, "data"), ["Assistant:KnowledgeDirectory"] = Path.Combine(root, "knowledge") };
            Directory.CreateDirectory(Path.Combine(root, "knowledge"));
            File.WriteAllText(Path.Combine(root, "knowledge", "a.md"), TestKnowledgeBase.Article("Alpha", "## Part\n\nabc"));
            using (var hashing = new TestKnowledgeBase(settings: shared))
            {
                await hashing.IngestAsync();
            }

            using var openAI = new TestKnowledgeBase(settings: new(shared)
            {
                ["Assistant:Embeddings:Provider"] = "OpenAI",
                ["Assistant:Embeddings:Endpoint"] = server.BaseAddress.ToString(),
                ["Assistant:Embeddings:Model"] = "other-model",
            });
            var report = await openAI.IngestAsync();

            Assert.Equal(1, report.Unchanged);
            Assert.Equal(EmbeddingState.Complete, openAI.Get<VectorBackfill>().Status.State);
            Assert.Equal("openai:other-model", openAI.Get<VectorBackfill>().Status.Model);
            Assert.Contains(server.Requests, request => request["model"]?.GetValue<string>() == "other-model" && request["input"] is not null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
