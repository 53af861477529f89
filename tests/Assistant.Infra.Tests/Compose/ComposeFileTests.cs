using Assistant.Infra.Tests.Support;

namespace Assistant.Infra.Tests.Compose;

public sealed class ComposeFileTests
{
    private static readonly string[] Replicas = ["replica1", "replica2", "replica3"];

    private readonly Dictionary<string, object?> _services =
        Yaml.Map(Yaml.Load(Repository.PathOf("infra", "compose", "compose.yaml"))["services"], "services");

    private Dictionary<string, object?> Service(string name) => Yaml.Map(_services[name], name);

    private Dictionary<string, object?> Environment(string name) => Yaml.Map(Service(name)["environment"], $"{name}.environment");

    [Fact]
    public void The_compose_file_runs_postgresql_qdrant_three_replicas_the_gateway_prometheus_and_a_collector()
    {
        Assert.Equal(["gateway", "otel-collector", "postgres", "prometheus", "qdrant", "replica1", "replica2", "replica3"], _services.Keys.Order());
    }

    [Fact]
    public void Every_replica_shares_postgresql_and_qdrant_and_every_setting_it_gets_is_a_real_option()
    {
        foreach (var replica in Replicas)
        {
            var environment = Environment(replica);
            Assert.All(environment.Keys.Where(SettingNames.IsAssistantSetting),
                name => Assert.True(SettingNames.Exists(name), $"{replica}: {name} is not a setting of any options class"));
            Assert.Equal("PostgreSQL", environment["Assistant__Storage__Provider"]);
            Assert.StartsWith("Host=postgres;", (string)environment["Assistant__Storage__ConnectionString"]!);
            Assert.Equal("Qdrant", environment["Assistant__VectorStore__Provider"]);
            Assert.Equal("qdrant", new Uri((string)environment["Assistant__VectorStore__Endpoint"]!).Host);
            Assert.Equal("service_healthy", Yaml.At(Service(replica), "depends_on.postgres.condition"));
        }
        // Each replica keeps its per-replica files in a volume of its own.
        Assert.Equal(Replicas.Length, Replicas.Select(replica => Yaml.List(Service(replica)["volumes"], "volumes").Single()).Distinct().Count());
    }

    [Fact]
    public void The_postgres_password_is_never_written_in_the_file()
    {
        var password = (string)Environment("postgres")["POSTGRES_PASSWORD"]!;
        Assert.StartsWith("${POSTGRES_PASSWORD", password);
        Assert.All(Replicas, replica => Assert.Contains("Password=${POSTGRES_PASSWORD", (string)Environment(replica)["Assistant__Storage__ConnectionString"]!));
    }

    [Fact]
    public void The_gateway_sends_traffic_to_the_three_replicas_on_the_port_they_listen_on()
    {
        var environment = Environment("gateway");
        var destinations = environment.Where(pair => pair.Key.StartsWith("ReverseProxy__Clusters__assistant__Destinations__", StringComparison.Ordinal))
            .Select(pair => new Uri((string)pair.Value!))
            .ToList();

        Assert.Equal(Replicas, destinations.Select(address => address.Host).Order());
        Assert.All(destinations, address => Assert.Equal(8080, address.Port));
        Assert.Equal(Replicas, Yaml.List(Service("gateway")["depends_on"], "depends_on").Cast<string>().Order());
        Assert.Contains("8080:8080", Yaml.List(Service("gateway")["ports"], "ports").Cast<string>());
    }

    [Fact]
    public void Prometheus_scrapes_every_replica_and_the_gateway_by_service_name_and_telemetry_goes_to_the_collector()
    {
        var config = Yaml.Load(Repository.PathOf("infra", "compose", "prometheus.yml"));
        var targets = Yaml.List(config["scrape_configs"], "scrape_configs")
            .SelectMany(job => Yaml.List(Yaml.At(job, "static_configs"), "static_configs"))
            .SelectMany(group => Yaml.List(Yaml.At(group, "targets"), "targets").Cast<string>())
            .Select(target => target.Split(':')[0])
            .ToList();

        Assert.Equal([.. Replicas, "gateway"], targets.Order().ToArray().OrderBy(name => name == "gateway"));
        Assert.All(targets, target => Assert.Contains(target, _services.Keys));
        foreach (var service in Replicas.Append("gateway"))
        {
            Assert.Equal("otel-collector", new Uri((string)Environment(service)["OTEL_EXPORTER_OTLP_ENDPOINT"]!).Host);
        }
        var collector = Yaml.Load(Repository.PathOf("infra", "compose", "otel-collector.yaml"));
        Assert.Equal("0.0.0.0:4317", Yaml.At(collector, "receivers.otlp.protocols.grpc.endpoint"));
    }

    [Fact]
    public void Files_the_compose_file_mounts_or_builds_from_exist_in_the_repository()
    {
        var compose = Repository.PathOf("infra", "compose");
        foreach (var (name, node) in _services)
        {
            var service = Yaml.Map(node, name);
            if (Yaml.At(service, "build.dockerfile") is string dockerfile)
            {
                Assert.True(File.Exists(Path.Combine(compose, (string)Yaml.At(service, "build.context")!, dockerfile)), $"{name}: {dockerfile}");
            }
            var mounts = service.TryGetValue("volumes", out var volumes) ? Yaml.List(volumes, "volumes").Cast<string>() : [];
            foreach (var source in mounts.Select(mount => mount.Split(':')[0]).Where(source => source.StartsWith('.')))
            {
                Assert.True(Path.Exists(Path.Combine(compose, source)), $"{name} mounts {source}, which does not exist");
            }
        }
    }
}
