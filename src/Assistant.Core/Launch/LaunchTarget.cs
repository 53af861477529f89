namespace Assistant.Core.Launch;

/// <summary>The version to launch: the rollout's candidate if there is one, else the configured version.</summary>
/// <param name="Version">Null when this build cannot tell (no version store registered).</param>
/// <param name="Source">"the rollout's candidate", "the configured version", or why no version is known.</param>
public sealed record LaunchTarget(string? Version, string Source);
