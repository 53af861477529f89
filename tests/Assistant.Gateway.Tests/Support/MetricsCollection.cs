namespace Assistant.Gateway.Tests.Support;

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process, so gateways started in parallel by other tests
/// would show up in (or crowd out) this gateway's /metrics. Tests that read /metrics run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Gateway metrics";
}
