using Assistant.Infra.Tests.Support;

namespace Assistant.Infra.Tests.Kubernetes;

public sealed class KubernetesManifestTests
{
    private readonly Manifests _manifests = Manifests.Load();

    [Fact]
    public void The_kustomization_lists_every_manifest_in_the_folder_except_the_secret_example()
    {
        var listed = Yaml.List(Yaml.Load(Repository.PathOf("infra", "k8s", "kustomization.yaml"))["resources"], "resources").Cast<string>();
        var onDisk = Directory.GetFiles(Repository.PathOf("infra", "k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(name => name is not "kustomization.yaml" and not "postgres-secret.example.yaml");

        Assert.Equal(onDisk.Order(), listed.Order());
        Assert.All(_manifests.Objects, manifest =>
        {
            Assert.False(string.IsNullOrEmpty((string?)manifest["apiVersion"]));
            Assert.False(string.IsNullOrEmpty((string?)Yaml.At(manifest, "metadata.name")));
        });
    }

    [Fact]
    public void The_deployment_has_what_the_issue_asks_for_deployments_services_an_autoscaler_and_a_disruption_budget()
    {
        Assert.Equal(["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Service"],
            _manifests.Objects.Select(manifest => (string)manifest["kind"]!).Distinct().Order());
        Assert.Equal("autoscaling/v2", _manifests.Single("HorizontalPodAutoscaler", "assistant-web")["apiVersion"]);
        Assert.Equal("policy/v1", _manifests.Single("PodDisruptionBudget", "assistant-web")["apiVersion"]);
    }

    [Fact]
    public void Services_the_autoscaler_and_the_disruption_budget_select_pods_that_a_deployment_makes()
    {
        var podLabels = _manifests.OfKind("Deployment")
            .Select(deployment => Yaml.Map(Yaml.At(deployment, "spec.template.metadata.labels"), "pod labels"))
            .ToList();
        foreach (var deployment in _manifests.OfKind("Deployment"))
        {
            Assert.Equal(Yaml.At(deployment, "spec.selector.matchLabels.app"), Yaml.At(deployment, "spec.template.metadata.labels.app"));
        }
        foreach (var service in _manifests.OfKind("Service"))
        {
            var selector = Yaml.Map(Yaml.At(service, "spec.selector"), "selector");
            Assert.Contains(podLabels, labels => selector.All(pair => labels.TryGetValue(pair.Key, out var value) && Equals(value, pair.Value)));
        }
        var budgetApp = Yaml.At(_manifests.Single("PodDisruptionBudget", "assistant-web"), "spec.selector.matchLabels.app");
        Assert.Contains(podLabels, labels => Equals(labels["app"], budgetApp));
        var target = _manifests.Single("HorizontalPodAutoscaler", "assistant-web");
        Assert.Equal("Deployment", Yaml.At(target, "spec.scaleTargetRef.kind"));
        _manifests.Single("Deployment", (string)Yaml.At(target, "spec.scaleTargetRef.name")!);
    }

    [Fact]
    public void The_disruption_budget_leaves_room_for_a_drain_and_the_autoscaler_never_goes_below_it()
    {
        var minAvailable = int.Parse((string)Yaml.At(_manifests.Single("PodDisruptionBudget", "assistant-web"), "spec.minAvailable")!);
        var autoscaler = _manifests.Single("HorizontalPodAutoscaler", "assistant-web");
        var minReplicas = int.Parse((string)Yaml.At(autoscaler, "spec.minReplicas")!);
        var replicas = int.Parse((string)Yaml.At(_manifests.Single("Deployment", "assistant-web"), "spec.replicas")!);

        Assert.True(minReplicas > minAvailable, $"with {minReplicas} pods and minAvailable {minAvailable} no node could ever be drained");
        Assert.True(replicas >= minReplicas);
        Assert.True(int.Parse((string)Yaml.At(autoscaler, "spec.maxReplicas")!) > minReplicas);
    }

    [Fact]
    public void Web_probes_ask_the_endpoints_the_app_maps_on_the_port_the_container_names()
    {
        var web = Manifests.Containers(_manifests.Single("Deployment", "assistant-web")).Single();
        var portNames = Yaml.List(web["ports"], "ports").Select(port => Yaml.At(port, "name")).ToList();
        var probeSource = File.ReadAllText(Repository.PathOf("src", "Assistant.Web", "Health", "ProbeEndpoints.cs"));

        Assert.Equal("/healthz/ready", Yaml.At(web, "readinessProbe.httpGet.path"));
        Assert.Equal("/healthz/ready", Yaml.At(web, "startupProbe.httpGet.path"));
        Assert.Equal("/healthz/live", Yaml.At(web, "livenessProbe.httpGet.path"));
        Assert.Contains("MapGroup(\"/healthz\")", probeSource);
        Assert.Contains("MapGet(\"/ready\"", probeSource);
        Assert.Contains("MapGet(\"/live\"", probeSource);
        foreach (var probe in new[] { "readinessProbe", "startupProbe", "livenessProbe" })
        {
            Assert.Contains(Yaml.At(web, $"{probe}.httpGet.port"), portNames);
        }
    }

    [Fact]
    public void Every_setting_the_web_pods_get_is_a_real_option_and_the_connection_string_comes_from_the_secret()
    {
        var web = Manifests.Containers(_manifests.Single("Deployment", "assistant-web")).Single();
        var configMapName = (string)Yaml.At(Yaml.List(web["envFrom"], "envFrom").Single(), "configMapRef.name")!;
        var config = Yaml.Map(Yaml.At(_manifests.Single("ConfigMap", configMapName), "data"), "data");
        var env = Yaml.List(web["env"], "env").Select(variable => Yaml.Map(variable, "env"));
        var names = config.Keys.Concat(env.Select(variable => (string)variable["name"]!)).ToList();

        Assert.All(names.Where(SettingNames.IsAssistantSetting), name => Assert.True(SettingNames.Exists(name), $"{name} is not a setting of any options class"));
        Assert.Equal("PostgreSQL", config["Assistant__Storage__Provider"]);
        var connection = env.Single(variable => (string?)variable["name"] == "Assistant__Storage__ConnectionString");
        var secretName = (string)Yaml.At(connection, "valueFrom.secretKeyRef.name")!;
        var secretKey = (string)Yaml.At(connection, "valueFrom.secretKeyRef.key")!;
        var example = Yaml.Load(Repository.PathOf("infra", "k8s", "postgres-secret.example.yaml"));
        Assert.Equal(secretName, Yaml.At(example, "metadata.name"));
        Assert.NotNull(Yaml.At(example, $"stringData.{secretKey}"));
        Assert.DoesNotContain("Assistant__Storage__ConnectionString", config.Keys);
    }

    [Fact]
    public void The_gateway_resolves_the_headless_web_service_to_one_destination_per_pod()
    {
        var headless = _manifests.OfKind("Service").Single(service => (string?)Yaml.At(service, "spec.clusterIP") == "None");
        var settings = GatewaySettings.FromConfigMap(_manifests.Single("ConfigMap", "assistant-gateway"));
        var destinations = settings["ReverseProxy:Clusters:assistant:Destinations"];

        Assert.Equal("true", settings.Value("Gateway:DnsDestinations:Enabled"));
        var address = new Uri(settings.Value("ReverseProxy:Clusters:assistant:Destinations:pods:Address")!);
        Assert.Equal(Yaml.At(headless, "metadata.name"), address.Host);
        var servicePort = Yaml.List(Yaml.At(headless, "spec.ports"), "ports").Select(port => Yaml.At(port, "port")).Single();
        Assert.Equal(servicePort, address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(destinations);
    }

    [Fact]
    public void The_gateway_configuration_for_kubernetes_differs_from_the_repository_one_only_in_destinations_and_discovery()
    {
        var kubernetes = GatewaySettings.FromConfigMap(_manifests.Single("ConfigMap", "assistant-gateway")).Flatten();
        var repository = GatewaySettings.FromFile(Repository.PathOf("src", "Assistant.Gateway", "appsettings.json")).Flatten();
        static bool Expected(string key) =>
            key.StartsWith("ReverseProxy:Clusters:assistant:Destinations:", StringComparison.Ordinal)
            || key.StartsWith("Gateway:DnsDestinations:", StringComparison.Ordinal)
            || key == "Urls";

        var differences = kubernetes.Keys.Union(repository.Keys)
            .Where(key => !Expected(key))
            .Where(key => kubernetes.GetValueOrDefault(key) != repository.GetValueOrDefault(key))
            .ToList();

        Assert.True(differences.Count == 0, "run infra/k8s/generate-gateway-config.py; gateway-config.yaml differs in " + string.Join(", ", differences));
    }
}
