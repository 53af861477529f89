using System.Net;
using Xunit;
using static Assistant.Web.Tests.Releases.ReleasesApi;

namespace Assistant.Web.Tests.Releases;

/// <summary>The launch checklist launches what the rollout says: its candidate, then the version an admin promoted.</summary>
public sealed class LaunchTargetTests
{
    [Fact]
    public async Task The_checklist_launches_the_running_candidate_and_after_promotion_the_promoted_version()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await PublishAsync(factory.Services, "v2");

        var (_, before) = await SendAsync(ada, HttpMethod.Get, "/api/admin/launch");
        Assert.StartsWith("config-", before.GetProperty("version").GetString());

        await StartAsync(ada, "v2", users: ["alice"]);
        var (_, during) = await SendAsync(ada, HttpMethod.Get, "/api/admin/launch");
        Assert.Equal(("v2", "the rollout's candidate"), (during.GetProperty("version").GetString(), during.GetProperty("versionSource").GetString()));

        var (status, _) = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/promote");
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, after) = await SendAsync(ada, HttpMethod.Get, "/api/admin/launch");
        Assert.Equal(("v2", "the stable version an admin promoted"), (after.GetProperty("version").GetString(), after.GetProperty("versionSource").GetString()));
    }
}
