using System.Net;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Retrieval;
using Assistant.Web.Health;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Web.Tests.Health;

public sealed class ProbeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Liveness_and_readiness_answer_anonymous_callers_by_status_code_once_the_index_is_loaded()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        await factory.CreateIngestedClientAsync();
        using var anonymous = factory.CreateClient();

        var live = await anonymous.GetAsync("/healthz/live", Cancel);
        var ready = await anonymous.GetAsync("/healthz/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\":\"ready\"", await ready.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Readiness_is_503_while_the_first_ingest_has_not_finished()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        await factory.CreateIngestedClientAsync();
        // A start-up ingestion that was never started is one whose first ingest has not finished.
        var notStarted = new StartupIngestion(factory.Services.GetRequiredService<KnowledgeIndex>(),
            factory.Services.GetRequiredService<KnowledgeBase>(), Options.Create(new IngestionOptions()), NullLogger<StartupIngestion>.Instance);

        var result = ProbeEndpoints.Ready(notStarted).Result;

        var json = Assert.IsType<JsonHttpResult<PublicStatus>>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, json.StatusCode);
        Assert.Equal("ingesting", json.Value!.Status);
    }
}
