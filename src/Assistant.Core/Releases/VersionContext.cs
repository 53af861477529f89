namespace Assistant.Core.Releases;

/// <summary>What the deployment offers a version: its answer prompts, its tools, and whether it has a model endpoint.</summary>
public sealed record VersionContext(IReadOnlyCollection<string> Prompts, IReadOnlyList<string> Tools, bool ModelEndpointConfigured);
