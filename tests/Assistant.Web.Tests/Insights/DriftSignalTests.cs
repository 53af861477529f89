using Assistant.Core.Insights.Drift;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Insights;

public sealed class DriftSignalTests
{
    [Fact]
    public async Task The_app_computes_the_drift_signal_at_start_and_monitoring_reads_it_through_the_interface()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = factory.CreateClient();
        var signal = factory.Services.GetRequiredService<DriftSignal>();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (signal.RefreshedAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(signal.RefreshedAt);
        Assert.Same(signal, factory.Services.GetRequiredService<Assistant.Core.Monitoring.IDriftSignal>());
        // No questions yet: nothing to compare, so no value rather than a made-up zero.
        Assert.Empty(factory.Services.GetRequiredService<Assistant.Core.Monitoring.IDriftSignal>().QueryDivergence());
    }
}
