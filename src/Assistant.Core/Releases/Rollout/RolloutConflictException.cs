namespace Assistant.Core.Releases.Rollout;

/// <summary>A rollout change the current state forbids: promote with no candidate, a draft as candidate (HTTP 409).</summary>
public sealed class RolloutConflictException(string message) : Exception(message);
