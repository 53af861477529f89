using Assistant.Infra.Tests.Support;

namespace Assistant.Infra.Tests.Kubernetes;

/// <summary>Every object the kustomization applies, by kind and name.</summary>
public sealed class Manifests
{
    private Manifests(IReadOnlyList<Dictionary<string, object?>> objects) => Objects = objects;

    public IReadOnlyList<Dictionary<string, object?>> Objects { get; }

    public static Manifests Load()
    {
        var kustomization = Yaml.Load(Repository.PathOf("infra", "k8s", "kustomization.yaml"));
        var files = Yaml.List(kustomization["resources"], "resources").Cast<string>();
        return new Manifests(files.SelectMany(file => Yaml.LoadAll(Repository.PathOf("infra", "k8s", file))).ToList());
    }

    public Dictionary<string, object?> Single(string kind, string name) =>
        Objects.Single(manifest => (string?)manifest["kind"] == kind && (string?)Yaml.At(manifest, "metadata.name") == name);

    public IEnumerable<Dictionary<string, object?>> OfKind(string kind) => Objects.Where(manifest => (string?)manifest["kind"] == kind);

    public static IEnumerable<Dictionary<string, object?>> Containers(Dictionary<string, object?> deployment) =>
        Yaml.List(Yaml.At(deployment, "spec.template.spec.containers"), "containers").Select(container => Yaml.Map(container, "container"));
}
