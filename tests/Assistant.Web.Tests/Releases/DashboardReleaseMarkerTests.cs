using System.Net;
using Xunit;
using static Assistant.Web.Tests.Releases.ReleasesApi;

namespace Assistant.Web.Tests.Releases;

/// <summary>The dashboard marks a rollback on the KPI trend charts and lists it among the period's release events.</summary>
public sealed class DashboardReleaseMarkerTests
{
    [Fact]
    public async Task A_rollback_is_a_marker_on_the_trend_charts_and_an_event_on_the_dashboard()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await PublishAsync(factory.Services, "v2");
        await StartAsync(ada, "v2", percentage: 50);
        var (status, _) = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/rollback", new { reason = "Checking the marker." });
        Assert.Equal(HttpStatusCode.OK, status);

        var html = await ada.GetStringAsync("/admin/dashboard", Cancel);

        Assert.Contains("class=\"release-marker rolled-back\"", html);
        Assert.Contains("Checking the marker.", html);
        Assert.Contains("data-kind=\"rolled-back\"", html);
    }
}
