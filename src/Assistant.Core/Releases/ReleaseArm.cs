namespace Assistant.Core.Releases;

/// <summary>Which side of a staged rollout served an answer.</summary>
public static class ReleaseArm
{
    /// <summary>The version everyone gets unless a rollout says otherwise.</summary>
    public const string Stable = "stable";

    /// <summary>The version being rolled out to some users.</summary>
    public const string Candidate = "candidate";
}

/// <summary>The version that answers one user now, and whether it is the stable one or a candidate being rolled out.</summary>
public sealed record VersionChoice(AssistantVersion Version, string Arm);

/// <summary>
/// Picks the version that answers a user: the stable version, or the candidate of a running rollout when the user is
/// targeted (by name, group or sticky percentage). Called once per answer, so it must be cheap.
/// </summary>
public interface IVersionSelector
{
    ValueTask<VersionChoice> ChooseAsync(string? userId, CancellationToken cancellationToken = default);
}
